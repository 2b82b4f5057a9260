/**
 * The regional words the demo names its structures after (« du Sancy », « de la Limagne »), each with
 * where it actually is, so that a structure named after a place is located there: « Nid d'entreprises du
 * Brivadois » sits around Brioude, not in Chadrac.
 *
 * Where is given by identity, never by distance: intercommunalities (EPCI SIREN codes, when one or a few
 * cover the area well: CC du Pays de Tronçais, CC Brioude Sud Auvergne…), communes (INSEE codes, for
 * valleys and massifs that no EPCI follows), or a whole département (the Bourbonnais is the Allier).
 * Codes are those of the embedded territories (COG 2026); a test checks every one resolves.
 */
import { ofPlace } from './place-words';

export interface Area {
	name: string;
	/** With its article and preposition: « du Sancy », « des Combrailles », « de la Limagne ». */
	of: string;
	/** Where it is. Absent: a generic word (« des Vallées »), no place, fits anywhere. */
	where?: { departement?: string; epcis?: string[]; communes?: string[] };
}

/** What a commune is, for the membership test. */
export interface CommuneLike {
	code: string;
	departementCode: string;
	epciCode: string | null;
}

const area = (name: string, of: string, where: Area['where']): Area => ({ name, of, where });

// Intercommunalities (SIREN), named once.
const CC_DOMES_SANCY_ARTENSE = '200069169';
const CC_MASSIF_DU_SANCY = '246300966';
const CA_RIOM_LIMAGNE_VOLCANS = '200070753';
const CC_CHAVANON_COMBRAILLES_VOLCANS = '200071215';
const CC_PLAINE_LIMAGNE = '200071199';
const CC_ENTRE_DORE_ET_ALLIER = '246301097';
const CLERMONT_METROPOLE = '246300701';
const CC_BILLOM = '200067627';
const CC_AMBERT_LIVRADOIS_FOREZ = '200070761';
const CC_THIERS_DORE_MONTAGNE = '200070712';
const CC_PAYS_DE_SAINT_ELOY = '200072080';
const CC_COMBRAILLES_SIOULE_MORGE = '200072098';

/** The Chaîne des Puys (Monts Dôme) and the communes on its slopes. */
const CHAINE_DES_PUYS = [
	'63263', // Orcines
	'63308', // Royat
	'63075', // Chamalières
	'63070', // Ceyrat
	'63141', // Durtol
	'63254', // Nohanent
	'63042', // Blanzat
	'63417', // Sayat
	'63345', // Saint-Genès-Champanelle
	'63026', // Aydat
	'63470', // Volvic
	'63381', // Saint-Ours
	'63071', // Ceyssat
	'63083', // Chanat-la-Mouteyre
	'63290', // Pulvérières
	'63219', // Mazaye
	'63248', // Nébouzat
	'63385', // Saint-Pierre-le-Chastel
	'63326', // Saint-Bonnet-près-Orcival
	'63264' // Orcival
];

export const AREAS_BY_DEPARTEMENT: Record<string, Area[]> = {
	'63': [
		area('Dômes', 'des Dômes', { communes: CHAINE_DES_PUYS }),
		area('Sancy', 'du Sancy', { epcis: [CC_MASSIF_DU_SANCY], communes: ['63192' /* La Tour-d'Auvergne */, '63264' /* Orcival */] }),
		area('Limagne', 'de la Limagne', { epcis: [CC_PLAINE_LIMAGNE, CA_RIOM_LIMAGNE_VOLCANS, CC_ENTRE_DORE_ET_ALLIER, CLERMONT_METROPOLE, CC_BILLOM] }),
		area('Livradois', 'du Livradois', { epcis: [CC_AMBERT_LIVRADOIS_FOREZ, CC_BILLOM, CC_THIERS_DORE_MONTAGNE] }),
		area('Forez', 'du Forez', { epcis: [CC_AMBERT_LIVRADOIS_FOREZ, CC_THIERS_DORE_MONTAGNE] }),
		area('Combrailles', 'des Combrailles', { epcis: [CC_PAYS_DE_SAINT_ELOY, CC_COMBRAILLES_SIOULE_MORGE, CC_CHAVANON_COMBRAILLES_VOLCANS] }),
		area('Artense', "de l'Artense", {
			// Tauves, Bagnols, Labessette, Singles, Saint-Donat, Larodde, Cros, La Tour-d'Auvergne, Picherande, Saint-Sauves, Avèze
			communes: ['63426', '63028', '63183', '63421', '63336', '63190', '63129', '63192', '63279', '63397', '63024']
		}),
		area('Couzes', 'des Couzes', {
			// The three Couze valleys, from the Sancy to the Allier: Besse, Compains, Valbeleix, Chambon-sur-Lac,
			// Murol, Saint-Nectaire, Saint-Diéry, Saurier, Champeix, Montaigut-le-Blanc, Saint-Floret, Neschers,
			// Coudes, Perrier, Meilhaud, Issoire, Ardes, Rentières, Le Breuil-sur-Couze
			communes: [
				'63038',
				'63117',
				'63440',
				'63077',
				'63247',
				'63380',
				'63335',
				'63409',
				'63080',
				'63234',
				'63342',
				'63250',
				'63121',
				'63275',
				'63222',
				'63178',
				'63009',
				'63299',
				'63052'
			]
		}),
		area('Dore', 'de la Dore', {
			// Along the Dore: Arlanc, Marsac-en-Livradois, Ambert, Vertolaye, Olliergues, Courpière, Néronde-sur-Dore,
			// Thiers, Sauviat, Peschadoires, Ris, Puy-Guillaume; and the CC Entre Dore et Allier
			epcis: [CC_ENTRE_DORE_ET_ALLIER],
			communes: ['63010', '63211', '63003', '63454', '63258', '63125', '63249', '63430', '63414', '63276', '63301', '63291']
		}),
		area('Volcans', 'des Volcans', {
			// The Puy-de-Dôme side of the Parc naturel régional des Volcans d'Auvergne
			epcis: [CC_DOMES_SANCY_ARTENSE, CC_MASSIF_DU_SANCY, CC_CHAVANON_COMBRAILLES_VOLCANS, CA_RIOM_LIMAGNE_VOLCANS],
			communes: CHAINE_DES_PUYS
		}),
		area('Val d’Allier', 'du Val d’Allier', {
			// Riverside communes, Brassac-les-Mines to Limons
			communes: [
				'63050',
				'63182',
				'63022',
				'63052',
				'63178',
				'63054',
				'63261',
				'63269',
				'63121',
				'63404',
				'63255',
				'63185',
				'63091',
				'63214',
				'63227',
				'63457',
				'63124',
				'63069',
				'63226',
				'63284',
				'63180',
				'63210',
				'63201',
				'63196'
			]
		}),
		area('Puys', 'des Puys', { communes: CHAINE_DES_PUYS })
	],
	'03': [
		area('Bourbonnais', 'du Bourbonnais', { departement: '03' }),
		area('Tronçais', 'de Tronçais', { epcis: ['240300558' /* CC du Pays de Tronçais */] }),
		area('Sioule', 'de la Sioule', { epcis: ['200071389' /* CC Saint-Pourçain Sioule Limagne */] }),
		area('Bocage', 'du Bocage', { epcis: ['200071496' /* CC du Bocage Bourbonnais */] }),
		area('Val de Cher', 'du Val de Cher', { epcis: ['240300566' /* CC du Val de Cher */, '200071082' /* CA Montluçon Communauté */] }),
		area('Besbre', 'de la Besbre', { epcis: ['200071470' /* CC Entr'Allier Besbre et Loire */, '240300491' /* CC du Pays de Lapalisse */] }),
		area('Montagne bourbonnaise', 'de la Montagne bourbonnaise', {
			// Le Mayet-de-Montagne, Ferrières-sur-Sichon, Lavoine, Laprugne, Saint-Nicolas-des-Biefs, Arfeuilles,
			// Châtel-Montagne, La Chabanne, Saint-Clément, Nizerolles, Arronnes, Molles, La Guillermie, Le Breuil
			communes: ['03165', '03113', '03141', '03139', '03248', '03006', '03066', '03050', '03224', '03201', '03008', '03174', '03125', '03042']
		}),
		area('Sologne bourbonnaise', 'de la Sologne bourbonnaise', { epcis: ['200071470' /* CC Entr'Allier Besbre et Loire */] })
	],
	'15': [
		area('Planèze', 'de la Planèze', {
			// Saint-Flour, Coltines, Talizat, Andelat, Valuéjols, Paulhac, Tanavelle, Roffiac, Villedieu, Coren,
			// Les Ternes, Ussel, Cussac, Vabres, Saint-Georges, Montchamp, Malbo
			communes: [
				'15187',
				'15053',
				'15231',
				'15004',
				'15248',
				'15148',
				'15232',
				'15164',
				'15262',
				'15055',
				'15235',
				'15244',
				'15059',
				'15245',
				'15188',
				'15130',
				'15112'
			]
		}),
		area('Châtaigneraie', 'de la Châtaigneraie', { epcis: ['200066678' /* CC de la Châtaigneraie Cantalienne */] }),
		area('Carladès', 'du Carladès', { epcis: ['241501089' /* CC Cère et Goul en Carladès */] }),
		area('Margeride', 'de la Margeride', {
			// Ruynes-en-Margeride, Val d'Arcomie, Clavières, Chaliers, Védrines-Saint-Loup, Soulages, Lorcières,
			// Anglards-de-Saint-Flour, Rageade, Saint-Poncy, Celoux
			communes: ['15168', '15108', '15051', '15034', '15251', '15229', '15107', '15005', '15158', '15207', '15032']
		}),
		area('Cézallier', 'du Cézallier', {
			// Allanche, Marcenat, Landeyrat, Vèze, Pradiers, Charmensac, Peyrusse, Joursac, Saint-Saturnin,
			// Montgreleix, Lugarde, Marchastel, Chanterelle, Saint-Bonnet-de-Condat, Condat, Ségur-les-Villas,
			// Sainte-Anastasie, Vernols
			communes: [
				'15001',
				'15114',
				'15091',
				'15256',
				'15155',
				'15043',
				'15151',
				'15080',
				'15213',
				'15132',
				'15110',
				'15116',
				'15040',
				'15173',
				'15054',
				'15225',
				'15171',
				'15253'
			]
		}),
		area('Pays de Salers', 'du Pays de Salers', { epcis: ['241501139' /* CC du Pays de Salers */] }),
		area('Monts du Cantal', 'des Monts du Cantal', {
			// Laveissière (Le Lioran), Murat, Albepierre-Bredons, Virargues, Lavigerie, Dienne, Saint-Jacques-des-Blats,
			// Thiézac, Saint-Clément, Mandailles-Saint-Julien, Saint-Cirgues-de-Jordanne, Lascelle, Le Claux, Cheylade,
			// Le Falgoux, Saint-Paul-de-Salers, Salers, Fontanges, Le Fau, Saint-Projet-de-Salers, Paulhac
			communes: [
				'15101',
				'15138',
				'15025',
				'15263',
				'15102',
				'15061',
				'15192',
				'15236',
				'15180',
				'15113',
				'15178',
				'15096',
				'15050',
				'15049',
				'15066',
				'15205',
				'15219',
				'15070',
				'15067',
				'15208',
				'15148'
			]
		}),
		area('Jordanne', 'de la Jordanne', {
			// Mandailles-Saint-Julien, Saint-Cirgues-de-Jordanne, Lascelle, Velzic, Saint-Simon, Aurillac, Arpajon-sur-Cère
			communes: ['15113', '15178', '15096', '15252', '15215', '15014', '15012']
		})
	],
	'43': [
		area('Velay', 'du Velay', {
			epcis: [
				'200073419', // CA du Puy-en-Velay
				'244301016', // CC des Sucs
				'200073401', // CC Mézenc-Loire-Meygal
				'244300307', // CC Haut Pays du Velay
				'200073427', // CC Marches du Velay-Rochebaron
				'244301107', // CC du Haut Lignon
				'244301123', // CC des Pays de Cayres et de Pradelles
				'244301131' // CC Loire et Semène
			]
		}),
		area('Mézenc', 'du Mézenc', {
			// Les Estables, Fay-sur-Lignon, Chaudeyrolles, Saint-Front, Freycenet-la-Cuche, Freycenet-la-Tour,
			// Moudeyres, Le Monastier-sur-Gazeille, Les Vastres, Champclause
			communes: ['43091', '43092', '43066', '43186', '43097', '43098', '43144', '43135', '43253', '43053']
		}),
		area('Devès', 'du Devès', {
			// Le Brignon, Cayres, Costaros, Landos, Loudes, Sanssac-l'Église, Vergezac, Bains, Solignac-sur-Loire,
			// Le Bouchet-Saint-Nicolas, Saint-Jean-de-Nay, Fix-Saint-Geneys, Séneujols, Ceyssac, Vernassal
			communes: ['43039', '43042', '43077', '43111', '43124', '43233', '43257', '43018', '43241', '43037', '43197', '43095', '43238', '43045', '43259']
		}),
		area('Meygal', 'du Meygal', {
			// Araules, Queyrières, Saint-Julien-Chapteuil, Yssingeaux, Saint-Jeures, Montusclat, Saint-Pierre-Eynac,
			// Saint-Étienne-Lardeyrol, Lantriac
			communes: ['43007', '43158', '43200', '43268', '43199', '43143', '43218', '43181', '43113']
		}),
		area('Brivadois', 'du Brivadois', { epcis: ['200085728' /* CC Brioude Sud Auvergne */, '244301099' /* CC Auzon Communauté */] }),
		area('Haut-Allier', 'du Haut-Allier', { epcis: ['200073393' /* CC des Rives du Haut Allier */] }),
		area('Emblavez', "de l'Emblavez", {
			// Vorey, Rosières, Chamalières-sur-Loire, Beaulieu, Lavoûte-sur-Loire, Saint-Vincent, Malrevers, Mézères,
			// Saint-Pierre-du-Champ, Roche-en-Régnier, Retournac
			communes: ['43267', '43165', '43049', '43021', '43119', '43230', '43126', '43134', '43217', '43164', '43162']
		}),
		area('Yssingelais', "de l'Yssingelais", { epcis: ['244301016' /* CC des Sucs */] })
	]
};

/** Words, not places: for départements outside the four above (CARTO_DEPARTEMENTS). */
const GENERIC_AREAS: Area[] = [
	area('Vallées', 'des Vallées', undefined),
	area('Plateaux', 'des Plateaux', undefined),
	area('Monts', 'des Monts', undefined),
	area('Sources', 'des Sources', undefined),
	area('Confluences', 'des Confluences', undefined)
];

export function areasOf(departementCode: string): Area[] {
	return AREAS_BY_DEPARTEMENT[departementCode] ?? GENERIC_AREAS;
}

/** Is the commune inside the area? A generic word fits anywhere. */
export function areaContains(a: Area, commune: CommuneLike): boolean {
	const where = a.where;
	if (!where) return true;
	return (
		where.departement === commune.departementCode ||
		(commune.epciCode !== null && (where.epcis ?? []).includes(commune.epciCode)) ||
		(where.communes ?? []).includes(commune.code)
	);
}

/** The commune itself as the place a name refers to: « Nid d'entreprises de Chadrac », « Radio Chadrac ». */
export const communeArea = (commune: CommuneLike & { name: string }): Area => ({
	name: commune.name,
	of: ofPlace(commune.name),
	where: { communes: [commune.code] }
});

/**
 * The area a name uses, from the index drawn among the département's areas: that area when the commune is
 * inside it; otherwise one of those that contain the commune, or the commune itself, chosen by the same
 * draw (no extra random number: the rest of the demo stays as it was).
 */
export function areaFor(areas: Area[], drawn: number, commune: CommuneLike & { name: string }): Area {
	const first = areas[drawn];
	if (first && areaContains(first, commune)) return first;
	const fitting = [...areas.filter((a) => areaContains(a, commune)), communeArea(commune)];
	return fitting[drawn % fitting.length] as Area;
}

/** A second area the commune is also in (the drawn one if it fits), for « Incubateur A & B »; null if none. */
export function secondAreaFor(areas: Area[], drawn: number, commune: CommuneLike, first: Area): Area | null {
	const fitting = areas.filter((a) => a !== first && areaContains(a, commune));
	const candidate = areas.filter((a) => a !== first)[drawn];
	if (candidate && fitting.includes(candidate)) return candidate;
	return fitting.length ? (fitting[drawn % fitting.length] as Area) : null;
}
