/**
 * The search relevance set (issue 16, « Measured, not guessed »): queries typed the way real visitors type them
 * (plurals, typos, missing accents, partial names, English words, place names, synonyms), each with the actors a
 * person typing it would want to see first, on the demo data (`seedDemo` with its default seed, after the embedded
 * territories). Any expected slug in the results counts as a hit; the rank is that of the first one found.
 *
 * The expectations say what a person means, not what the engine returns today: a query the engine misses stays
 * here as a miss, so that `npm run eval:search` shows what a change wins or loses. Slugs are written out (not
 * computed from the data) so that a changed demo fails tests/integration/search-relevance.spec.ts loudly instead
 * of quietly emptying the set.
 */
export interface RelevanceQuery {
	/** What the visitor types, as typed. */
	q: string;
	/** Slugs of the actors the visitor wants near the top; any of them counts as a hit. */
	expect: string[];
	/** The trait the query tests: exact name, partial name, plural, typo, missing accents, English, place, synonym… */
	why: string;
}

export const relevanceSet: readonly RelevanceQuery[] = [
	// Exact names: the easy ones, typed as written on the card.
	{ q: 'Couveuse de Clermont-Ferrand', why: 'exact name', expect: ['couveuse-de-clermont-ferrand'] },
	{ q: 'Pouzzolia', why: 'exact name', expect: ['pouzzolia'] },
	{ q: 'Réseau Tremplin Vichy', why: 'exact name', expect: ['reseau-tremplin-vichy'] },
	{ q: 'Fablab de la Limagne', why: 'exact name', expect: ['fablab-de-la-limagne'] },
	{ q: 'La Grange de Salers', why: 'exact name', expect: ['la-grange-de-salers'] },
	{ q: 'Quentin Baradour', why: 'exact name (person)', expect: ['quentin-baradour'] },
	{ q: '48 heures pour entreprendre', why: 'exact name (event)', expect: ['48-heures-pour-entreprendre-des-volcans-2025'] },
	// Partial names.
	{ q: 'terrapul', why: 'partial name (typed half-way)', expect: ['terrapulse'] },
	{ q: 'tremplin', why: 'partial name', expect: ['reseau-tremplin-vichy', 'reseau-tremplin-monts-du-cantal', 'reseau-tremplin-sardon'] },
	{ q: 'capital innovation', why: 'partial name', expect: ['clermont-ferrand-capital-innovation'] },
	{ q: 'baradour', why: 'partial name (surname only)', expect: ['quentin-baradour'] },
	{ q: 'bricoleurs', why: 'partial name', expect: ['les-bricoleurs-du-livradois'] },
	{ q: 'jeunes pousses', why: 'partial name', expect: ['concours-jeunes-pousses-du-livradois-2026', 'concours-jeunes-pousses-de-la-limagne-2024'] },
	{ q: 'club dirigeants velay', why: 'partial name (small words left out)', expect: ['club-des-dirigeants-du-velay'] },
	{ q: 'valcraft', why: 'partial name', expect: ['valcraft-numerique'] },
	{ q: 'business angels', why: 'partial name', expect: ['business-angels-du-deves', 'business-angels-du-meygal'] },
	// Missing accents.
	{
		q: 'accelerateur',
		why: 'missing accents',
		expect: ['accelerateur-des-volcans', 'accelerateur-du-bourbonnais', 'accelerateur-de-saint-just-malmont', 'accelerateur-de-beaune-sur-arzon']
	},
	{
		q: 'pepiniere',
		why: 'missing accents',
		expect: [
			'hotel-d-entreprises-de-la-sioule',
			'pepiniere-d-entreprises-d-ally',
			'hotel-d-entreprises-du-velay',
			'hotel-d-entreprises-du-livradois',
			'pepiniere-de-creuzier-le-vieux'
		]
	},
	{ q: "ecole d'ingenieurs", why: 'missing accents', expect: ['ecole-d-ingenieurs-de-clermont-ferrand', 'ecole-d-ingenieurs-du-bourbonnais'] },
	{ q: 'pole sante', why: 'missing accents, partial name', expect: ['pole-sante-du-bourbonnais'] },
	{ q: 'etabli volcans', why: 'missing accents, partial name', expect: ['l-etabli-des-volcans'] },
	{
		q: 'cafe entrepreneurs',
		why: 'missing accents',
		expect: [
			'cafe-entrepreneurs-du-bourbonnais-2027',
			'cafe-entrepreneurs-du-velay-2024',
			'cafe-entrepreneurs-du-forez-2026',
			'cafe-entrepreneurs-des-couzes-2024'
		]
	},
	{ q: 'startup montlucon', why: 'missing accents, place', expect: ['forakit', 'valcraft-numerique', 'fontagrid'] },
	{
		q: 'reseau d accompagnement',
		why: 'missing accents',
		expect: [
			'reseau-tremplin-vichy',
			'reseau-tremplin-monts-du-cantal',
			'club-des-dirigeants-du-velay',
			'reseau-tremplin-sardon',
			'club-des-dirigeants-de-la-limagne',
			'cercle-entreprendre-de-champagnac',
			'club-des-dirigeants-de-la-jordanne'
		]
	},
	{
		q: 'elus allier',
		why: 'missing accents, plural, place',
		expect: ['helene-chabiolle', 'sofia-daleliere', 'hugo-teilandier', 'clement-malardel', 'camille-chasaillot', 'heloise-vialolier']
	},
	// Plurals.
	{
		q: 'incubateurs',
		why: 'plural',
		expect: [
			'incubateur-bourbonnais-initiatives',
			'couveuse-de-la-jordanne',
			'nid-d-entreprises-du-velay',
			'couveuse-de-clermont-ferrand',
			'incubateur-du-velay',
			'nid-d-entreprises-d-ennezat',
			'couveuse-du-bocage'
		]
	},
	{
		q: 'fablabs',
		why: 'plural',
		expect: [
			'fablab-de-la-sioule',
			'la-fabrique-de-saint-etienne-de-maurs',
			'lavamap-fablab',
			'fablab-des-couzes',
			'fablab-de-la-limagne',
			'la-fabrique-du-pays-de-salers',
			'estivanova-fablab'
		]
	},
	{
		q: 'accélérateurs',
		why: 'plural',
		expect: ['accelerateur-des-volcans', 'accelerateur-du-bourbonnais', 'accelerateur-de-saint-just-malmont', 'accelerateur-de-beaune-sur-arzon']
	},
	{
		q: 'financeurs',
		why: 'plural',
		expect: [
			'prets-d-honneur-du-bourbonnais',
			'fonds-d-amorcage-des-ternes',
			'business-angels-du-deves',
			'fonds-cratecare-investissement',
			'business-angels-du-meygal',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'caisse-solidaire-de-vic-sur-cere'
		]
	},
	{
		q: "pépinières d'entreprises",
		why: 'plural',
		expect: [
			'hotel-d-entreprises-de-la-sioule',
			'pepiniere-d-entreprises-d-ally',
			'hotel-d-entreprises-du-velay',
			'hotel-d-entreprises-du-livradois',
			'pepiniere-de-creuzier-le-vieux'
		]
	},
	{
		q: 'tiers-lieux ruraux',
		why: 'plural (irregular)',
		expect: [
			'l-ancienne-ecole-de-garnat-sur-engievre',
			'la-grange-de-salers',
			'la-grange-de-chomelix',
			'la-maison-commune-de-marsat',
			'l-ancienne-ecole-de-venteuges',
			'la-grange-de-saint-projet-de-salers',
			'l-ancienne-ecole-de-bourg-lastic',
			'la-maison-commune-de-pontgibaud',
			'la-grange-de-tence',
			'la-maison-commune-de-ris'
		]
	},
	{
		q: 'hackathons',
		why: 'plural',
		expect: [
			'hackathon-economie-sociale-et-solidaire-de-la-sioule-2027',
			'hackathon-culture-medias-de-la-montagne-bourbonnaise-2025',
			'48-heures-pour-entreprendre-des-volcans-2025'
		]
	},
	{
		q: 'laboratoires de recherche',
		why: 'plural',
		expect: [
			'laboratoire-d-agronomie-de-montagne-de-la-limagne',
			'laboratoire-de-biologie-des-sols-de-carlat',
			'unite-de-robotique-agricole-de-la-limagne',
			'laboratoire-d-agronomie-de-montagne-de-l-yssingelais',
			'unite-de-robotique-agricole-du-velay',
			'laboratoire-de-biologie-des-sols-de-clermont-ferrand',
			'unite-de-robotique-agricole-de-la-besbre',
			'laboratoire-usages-et-numerique-du-bourbonnais'
		]
	},
	{
		q: 'journalistes',
		why: 'plural',
		expect: [
			'nadia-maleyrat',
			'pierre-lanounet',
			'adrien-teiluzac',
			'mehdi-fraissanges',
			'louise-lanounet',
			'hugo-teilebrun',
			'victor-ribheyrenc',
			'tristan-rayelange',
			'rania-malelange',
			'hugo-pelolier',
			'mathieu-vaysaurel',
			'malik-salavesque',
			'camille-belandier'
		]
	},
	{
		q: 'ateliers partagés',
		why: 'plural',
		expect: ['atelier-partage-de-molles', 'l-etabli-des-volcans', 'atelier-partage-de-riom', 'atelier-partage-de-murol', 'les-bricoleurs-du-livradois']
	},
	{ q: 'mentors cantal', why: 'plural, place', expect: ['loic-brugissade'] },
	{
		q: 'investisseuses',
		why: 'plural (feminine)',
		expect: [
			'aurore-bouardel',
			'sofia-teilichon',
			'nadia-charaurel',
			'laurent-garonnat',
			'louis-taleliere',
			'noemie-maladour',
			'marion-berardel',
			'mathilde-chasessac',
			'nadia-fouravesque',
			'remi-barouzel',
			'sarah-chabignol',
			'hugo-sauvanges',
			'margaux-verdissade',
			'manon-pelonnat',
			'antoine-bouandier',
			'baptiste-moussissade',
			'mathilde-chareliere',
			'paul-salaillot',
			'guillaume-barerolles',
			'rania-malessac'
		]
	},
	// Typos.
	{
		q: 'acelerateur',
		why: 'typo, missing accents',
		expect: ['accelerateur-des-volcans', 'accelerateur-du-bourbonnais', 'accelerateur-de-saint-just-malmont', 'accelerateur-de-beaune-sur-arzon']
	},
	{
		q: 'clermond',
		why: 'typo (place)',
		expect: [
			'couveuse-de-clermont-ferrand',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'club-des-dirigeants-de-la-limagne',
			'laboratoire-de-biologie-des-sols-de-clermont-ferrand',
			'ecole-d-ingenieurs-de-clermont-ferrand',
			'fablab-de-la-limagne',
			'trachyflow',
			'forabio',
			'scorinova',
			'velalia-studio',
			'puycare',
			'clermont-ferrand-studio',
			'limagne-innovation',
			'terrapulse',
			'limagne-services',
			'pouzzolia',
			'limagne-numerique',
			'dorasens',
			'vialolier-industrie',
			'teilignac-fils',
			'baranges-industrie',
			'barandier-equipements',
			'chaudronnerie-de-la-limagne',
			'plasturgie-de-la-limagne',
			'ateliers-salolier',
			'fromagerie-rayaurel',
			'groupe-vialolier',
			'groupe-rayebrun',
			'quentin-baradour',
			'margaux-berassou',
			'nicolas-vialardel',
			'camille-taleyrat',
			'julie-crosanges',
			'aurelien-aubeyrat',
			'theo-garissade',
			'victor-rochignol',
			'ines-brugaillot',
			'benoit-chasiolle',
			'camille-rayignac',
			'camille-vaysardel',
			'coralie-lanavesque',
			'emilie-peluzac',
			'jeanne-ribhavesque',
			'julie-sarrounet',
			'lina-touzassou',
			'lucie-mazeyrenc',
			'julie-espeyrenc',
			'heloise-rayeyrenc',
			'noemie-bouichon',
			'justine-crosichon',
			'quentin-beroumiou',
			'gaelle-chabessac',
			'agathe-touzavesque',
			'damien-espessac',
			'damien-teilardel',
			'benoit-mazeyrenc',
			'heloise-verdoumiou',
			'laurent-garonnat',
			'victor-ribheyrenc'
		]
	},
	{
		q: 'fablabe',
		why: 'typo',
		expect: [
			'fablab-de-la-sioule',
			'la-fabrique-de-saint-etienne-de-maurs',
			'lavamap-fablab',
			'fablab-des-couzes',
			'fablab-de-la-limagne',
			'la-fabrique-du-pays-de-salers',
			'estivanova-fablab'
		]
	},
	{
		q: 'incubatuer',
		why: 'typo (swapped letters)',
		expect: [
			'incubateur-bourbonnais-initiatives',
			'couveuse-de-la-jordanne',
			'nid-d-entreprises-du-velay',
			'couveuse-de-clermont-ferrand',
			'incubateur-du-velay',
			'nid-d-entreprises-d-ennezat',
			'couveuse-du-bocage'
		]
	},
	{
		q: 'cowroking',
		why: 'typo (swapped letters)',
		expect: [
			'la-passerelle-de-valignat',
			'le-cowork-de-lapeyrugue',
			'la-passerelle-de-rauret',
			'la-passerelle-de-jozerand',
			'le-comptoir-de-boudes',
			'le-comptoir-de-brioude',
			'le-cowork-du-livradois',
			'le-bureau-partage-de-saint-floret',
			'le-bureau-partage-de-molles',
			'la-passerelle-de-gannat'
		]
	},
	{
		q: 'pepinierre',
		why: 'typo, missing accents',
		expect: [
			'hotel-d-entreprises-de-la-sioule',
			'pepiniere-d-entreprises-d-ally',
			'hotel-d-entreprises-du-velay',
			'hotel-d-entreprises-du-livradois',
			'pepiniere-de-creuzier-le-vieux'
		]
	},
	{
		q: 'vichi',
		why: 'typo (place)',
		expect: [
			'accelerateur-du-bourbonnais',
			'reseau-tremplin-vichy',
			'plasturgie-espavesque',
			'ateliers-coudaurel',
			'guillaume-lanonnat',
			'noemie-salavesque',
			'victor-chasassou',
			'heloise-malaurel',
			'manon-pelonnat'
		]
	},
	{
		q: 'aurilac',
		why: 'typo (place)',
		expect: [
			'couveuse-de-la-jordanne',
			'club-des-dirigeants-de-la-jordanne',
			'campus-des-metiers-d-aurillac',
			'jordanne-studio',
			'brumagrid',
			'louis-jalaurel',
			'yasmine-vialeyrat',
			'romain-garignac',
			'fanny-jaleyrenc',
			'lina-jalassou',
			'berenice-brugignac'
		]
	},
	{
		q: 'hakathon',
		why: 'typo',
		expect: [
			'hackathon-economie-sociale-et-solidaire-de-la-sioule-2027',
			'hackathon-culture-medias-de-la-montagne-bourbonnaise-2025',
			'48-heures-pour-entreprendre-des-volcans-2025'
		]
	},
	{ q: 'pouzolia', why: 'typo (name)', expect: ['pouzzolia'] },
	{
		q: 'finacement',
		why: 'typo',
		expect: [
			'prets-d-honneur-du-bourbonnais',
			'fonds-d-amorcage-des-ternes',
			'business-angels-du-deves',
			'fonds-cratecare-investissement',
			'business-angels-du-meygal',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'caisse-solidaire-de-vic-sur-cere'
		]
	},
	{
		q: 'start up cantal',
		why: 'spelling variant (start-up / startup), place',
		expect: [
			'jordanne-studio',
			'cantapulse-conseil',
			'velatech',
			'fontascan',
			'bourboly',
			'brumagrid',
			'rocatik',
			'puyeo',
			'bourboia-solutions',
			'sagnepulse',
			'scorieo',
			'planeze-innovation',
			'volcatech',
			'sagnelab'
		]
	},
	// English.
	{
		q: 'seed funding clermont',
		why: 'English, place (funding at the idea or creation stage around Clermont)',
		expect: [
			'fonds-cratecare-investissement',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'maison-de-l-economie-de-lempdes'
		]
	},
	{ q: 'incubator vichy', why: 'English, place', expect: ['incubateur-bourbonnais-initiatives', 'pepiniere-de-creuzier-le-vieux'] },
	{
		q: 'accelerator',
		why: 'English',
		expect: ['accelerateur-des-volcans', 'accelerateur-du-bourbonnais', 'accelerateur-de-saint-just-malmont', 'accelerateur-de-beaune-sur-arzon']
	},
	{ q: 'business incubator aurillac', why: 'English, place', expect: ['couveuse-de-la-jordanne'] },
	{
		q: 'investors',
		why: 'English, plural',
		expect: [
			'prets-d-honneur-du-bourbonnais',
			'fonds-d-amorcage-des-ternes',
			'business-angels-du-deves',
			'fonds-cratecare-investissement',
			'business-angels-du-meygal',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'caisse-solidaire-de-vic-sur-cere',
			'aurore-bouardel',
			'sofia-teilichon',
			'nadia-charaurel',
			'laurent-garonnat',
			'louis-taleliere',
			'noemie-maladour',
			'marion-berardel',
			'mathilde-chasessac',
			'nadia-fouravesque',
			'remi-barouzel',
			'sarah-chabignol',
			'hugo-sauvanges',
			'margaux-verdissade',
			'manon-pelonnat',
			'antoine-bouandier',
			'baptiste-moussissade',
			'mathilde-chareliere',
			'paul-salaillot',
			'guillaume-barerolles',
			'rania-malessac'
		]
	},
	{
		q: 'research lab',
		why: 'English',
		expect: [
			'laboratoire-d-agronomie-de-montagne-de-la-limagne',
			'laboratoire-de-biologie-des-sols-de-carlat',
			'unite-de-robotique-agricole-de-la-limagne',
			'laboratoire-d-agronomie-de-montagne-de-l-yssingelais',
			'unite-de-robotique-agricole-du-velay',
			'laboratoire-de-biologie-des-sols-de-clermont-ferrand',
			'unite-de-robotique-agricole-de-la-besbre',
			'laboratoire-usages-et-numerique-du-bourbonnais'
		]
	},
	{
		q: 'health startups',
		why: 'English, plural',
		expect: [
			'cantapulse-conseil',
			'forabio',
			'fontascan',
			'brumagrid',
			'brumapulse',
			'valnova',
			'domimind',
			'velagrid',
			'agrily',
			'puycraft',
			'sagnepulse',
			'forez-conseil',
			'basalpulse',
			'cratelab',
			'scorieo',
			'volcatech',
			'dorasens',
			'silvabio-conseil'
		]
	},
	{
		q: 'university',
		why: 'English',
		expect: [
			'ecole-d-ingenieurs-de-clermont-ferrand',
			'institut-superieur-de-saint-amant-tallende',
			'ecole-d-ingenieurs-du-bourbonnais',
			'campus-des-metiers-d-aurillac',
			'institut-superieur-du-bourbonnais'
		]
	},
	{
		q: '3d printing',
		why: 'English',
		expect: [
			'fablab-de-la-sioule',
			'la-fabrique-de-saint-etienne-de-maurs',
			'lavamap-fablab',
			'fablab-des-couzes',
			'fablab-de-la-limagne',
			'la-fabrique-du-pays-de-salers',
			'estivanova-fablab'
		]
	},
	{
		q: 'shared workshop',
		why: 'English',
		expect: ['atelier-partage-de-molles', 'l-etabli-des-volcans', 'atelier-partage-de-riom', 'atelier-partage-de-murol', 'les-bricoleurs-du-livradois']
	},
	{
		q: 'coworking spaces',
		why: 'English, plural',
		expect: [
			'la-passerelle-de-valignat',
			'le-cowork-de-lapeyrugue',
			'la-passerelle-de-rauret',
			'la-passerelle-de-jozerand',
			'le-comptoir-de-boudes',
			'le-comptoir-de-brioude',
			'le-cowork-du-livradois',
			'le-bureau-partage-de-saint-floret',
			'le-bureau-partage-de-molles',
			'la-passerelle-de-gannat'
		]
	},
	{
		q: 'startup competition',
		why: 'English',
		expect: [
			'concours-jeunes-pousses-du-livradois-2026',
			'trophees-de-l-innovation-du-bourbonnais-2026',
			'soiree-pitch-de-la-sioule-2027',
			'concours-jeunes-pousses-de-la-limagne-2024'
		]
	},
	// Place names.
	{
		q: 'coworking thiers',
		why: 'place (none in Thiers itself: the nearest, Ris in the same intercommunality, then Bouzel)',
		expect: ['le-cowork-du-livradois', 'la-maison-commune-de-ris']
	},
	{ q: 'fablab clermont', why: 'place', expect: ['fablab-de-la-limagne', 'estivanova-fablab'] },
	{ q: 'incubateur aurillac', why: 'place', expect: ['couveuse-de-la-jordanne'] },
	{ q: 'incubateur le puy', why: 'place (partial place name)', expect: ['nid-d-entreprises-du-velay', 'incubateur-du-velay'] },
	{
		q: 'tiers-lieu salers',
		why: 'place',
		expect: ['la-fabrique-du-pays-de-salers', 'la-grange-de-salers', 'la-grange-de-saint-projet-de-salers', 'pepiniere-d-entreprises-d-ally']
	},
	{
		q: 'financement cantal',
		why: 'place (the offer « Financement »)',
		expect: [
			'fonds-d-amorcage-des-ternes',
			'caisse-solidaire-de-vic-sur-cere',
			'syndicat-mixte-de-jussac',
			'reseau-tremplin-monts-du-cantal',
			'club-des-dirigeants-de-la-jordanne'
		]
	},
	{ q: 'accélérateur haute-loire', why: 'place (département)', expect: ['accelerateur-de-saint-just-malmont', 'accelerateur-de-beaune-sur-arzon'] },
	{ q: 'living lab thiers', why: 'place', expect: ['living-lab-du-forez'] },
	{ q: 'coworking brioude', why: 'place', expect: ['le-comptoir-de-brioude'] },
	{ q: 'startups issoire', why: 'place, plural', expect: ['rocalab', 'couzoia', 'val-d-allier-studio', 'cratecare'] },
	{ q: 'incubateur puy de dome', why: 'place (département typed without hyphens)', expect: ['couveuse-de-clermont-ferrand', 'nid-d-entreprises-d-ennezat'] },
	// Synonyms and what a person means.
	{
		q: 'aide au financement',
		why: 'synonym (funders say « financeur »; others offer « Financement »)',
		expect: [
			'accelerateur-de-beaune-sur-arzon',
			'prets-d-honneur-du-bourbonnais',
			'fonds-d-amorcage-des-ternes',
			'business-angels-du-deves',
			'fonds-cratecare-investissement',
			'business-angels-du-meygal',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'caisse-solidaire-de-vic-sur-cere',
			'syndicat-mixte-du-bourbonnais',
			'syndicat-mixte-de-jussac',
			'maison-de-l-economie-du-velay',
			'syndicat-mixte-de-saint-germain-lembron',
			'agence-de-developpement-du-forez',
			'agence-de-developpement-du-velay',
			'maison-de-l-economie-de-lempdes',
			'mission-attractivite-d-orcet',
			'reseau-tremplin-vichy',
			'reseau-tremplin-monts-du-cantal',
			'club-des-dirigeants-du-velay',
			'club-des-dirigeants-de-la-jordanne'
		]
	},
	{ q: "prêt d'honneur", why: 'singular for a plural name', expect: ['prets-d-honneur-du-bourbonnais', 'prets-d-honneur-de-la-limagne'] },
	{
		q: 'imprimante 3d',
		why: 'synonym (the fablabs say « impression 3D »)',
		expect: [
			'fablab-de-la-sioule',
			'la-fabrique-de-saint-etienne-de-maurs',
			'lavamap-fablab',
			'fablab-des-couzes',
			'fablab-de-la-limagne',
			'la-fabrique-du-pays-de-salers',
			'estivanova-fablab'
		]
	},
	{ q: 'télémédecine', why: 'synonym (the startups say « téléconsultation »)', expect: ['brumapulse', 'agrily', 'cratelab', 'scorieo'] },
	{
		q: 'levée de fonds',
		why: 'synonym (funders, or the workshops of that name)',
		expect: [
			'prets-d-honneur-du-bourbonnais',
			'fonds-d-amorcage-des-ternes',
			'business-angels-du-deves',
			'fonds-cratecare-investissement',
			'business-angels-du-meygal',
			'caisse-solidaire-de-la-limagne',
			'clermont-ferrand-capital-innovation',
			'prets-d-honneur-de-la-limagne',
			'caisse-solidaire-de-vic-sur-cere',
			'atelier-levee-de-fonds-de-garnat-sur-engievre-2023',
			'atelier-levee-de-fonds-de-lapeyrugue-2025'
		]
	},
	{
		q: 'concours startup',
		why: 'synonym (pitch events)',
		expect: [
			'concours-jeunes-pousses-du-livradois-2026',
			'trophees-de-l-innovation-du-bourbonnais-2026',
			'soiree-pitch-de-la-sioule-2027',
			'concours-jeunes-pousses-de-la-limagne-2024'
		]
	},
	{
		q: 'accompagnées',
		why: 'inflection (structures that « accompagnent »: mentoring offer)',
		expect: [
			'incubateur-bourbonnais-initiatives',
			'couveuse-de-la-jordanne',
			'nid-d-entreprises-du-velay',
			'couveuse-de-clermont-ferrand',
			'incubateur-du-velay',
			'nid-d-entreprises-d-ennezat',
			'couveuse-du-bocage',
			'accelerateur-des-volcans',
			'accelerateur-du-bourbonnais',
			'accelerateur-de-saint-just-malmont',
			'accelerateur-de-beaune-sur-arzon',
			'reseau-tremplin-vichy',
			'reseau-tremplin-monts-du-cantal',
			'club-des-dirigeants-du-velay',
			'reseau-tremplin-sardon',
			'club-des-dirigeants-de-la-limagne',
			'cercle-entreprendre-de-champagnac',
			'club-des-dirigeants-de-la-jordanne',
			'les-pionniers-de-la-sioule',
			'hotel-d-entreprises-de-la-sioule',
			'pepiniere-d-entreprises-d-ally',
			'hotel-d-entreprises-du-velay',
			'hotel-d-entreprises-du-livradois',
			'pepiniere-de-creuzier-le-vieux'
		]
	},
	{
		q: 'élus',
		why: 'plural of « Élu·e »',
		expect: [
			'helene-chabiolle',
			'sofia-daleliere',
			'quentin-fraissolier',
			'hugo-teilandier',
			'adrien-saleliere',
			'florian-aubebrun',
			'mathieu-mazassou',
			'sofia-verdiolle',
			'clement-malardel',
			'thomas-barolier',
			'mehdi-coudaillot',
			'camille-chasaillot',
			'yanis-fayignol',
			'victor-fraissounet',
			'louise-croseliere',
			'pierre-ribhardel',
			'heloise-vialolier'
		]
	},
	{ q: 'panneaux solaires', why: 'synonym (« toitures solaires »)', expect: ['brumagrid'] },
	{ q: 'cybersecurite', why: 'missing accents', expect: ['val-d-allier-studio', 'couzosens', 'valcraft-numerique', 'pouzzolia'] },
	{ q: 'chercheurs robotique', why: 'plural, topic', expect: ['heloise-rayeyrenc', 'victor-chasassou', 'maelle-chasandier'] },
	{
		q: 'bureau partagé',
		why: 'synonym (coworking)',
		expect: [
			'la-passerelle-de-valignat',
			'le-cowork-de-lapeyrugue',
			'la-passerelle-de-rauret',
			'la-passerelle-de-jozerand',
			'le-comptoir-de-boudes',
			'le-comptoir-de-brioude',
			'le-cowork-du-livradois',
			'le-bureau-partage-de-saint-floret',
			'le-bureau-partage-de-molles',
			'la-passerelle-de-gannat'
		]
	}
];
