import { describe, expect, it } from 'vitest';
import { withoutRepeatedFacts, type PortraitFact } from './portrait-description';

const all = new Set<PortraitFact>(['place', 'founded', 'sectors', 'stages', 'offers', 'demo']);

describe('withoutRepeatedFacts', () => {
	it('drops the restated lead, the facts of the sidebar and the fictional notice the page already shows', () => {
		const md = [
			'**Incubateur des Dômes** — incubateur qui accompagne les projets innovants de l’idée à la création, à Riom.',
			'- **Implantation** : Riom (Puy-de-Dôme)\n- **Création** : 2014\n- **Secteurs** : Santé\n- **Stades accompagnés** : Émergence\n- **Offres** : Hébergement\n- **Entrée** : libre',
			'Le programme dure neuf mois.',
			'_Fiche de démonstration : cet acteur est fictif._'
		].join('\n\n');
		const out = withoutRepeatedFacts(md, {
			name: 'Incubateur des Dômes',
			summary: "Incubateur qui accompagne les projets innovants de l'idée à la création, à Riom.",
			shown: all
		});
		expect(out).toBe('- **Entrée** : libre\n\nLe programme dure neuf mois.');
	});
	it('keeps what the page does not show elsewhere', () => {
		const md = '**Volcabio** — une autre histoire.\n\n- **Création** : 2019\n- **Activité** : des capteurs de pluie';
		expect(withoutRepeatedFacts(md, { name: 'Volcabio', summary: 'Startup de Riom.', shown: new Set() })).toBe(md);
	});
	it('drops a list line whose value the lead already says', () => {
		const md = '- **Activité** : des isolants biosourcés à base de chanvre\n- **Clients** : les artisans';
		expect(withoutRepeatedFacts(md, { name: 'Doraloop', summary: 'Startup qui développe des isolants biosourcés à base de chanvre.', shown: new Set() })).toBe(
			'- **Clients** : les artisans'
		);
	});
	it('reads a hyphenated name and a plain paragraph', () => {
		const md = 'Saint-Flour Industries : startup de Saint-Flour.\n\nSuite.';
		expect(withoutRepeatedFacts(md, { name: 'Saint-Flour Industries', summary: 'Startup de Saint-Flour.', shown: new Set() })).toBe('Suite.');
	});
});

describe('withoutRepeatedFacts, an event', () => {
	it('drops the theme the sidebar shows as sectors', () => {
		const md = '- **Thème** : Culture & médias\n- **Entrée** : libre sur inscription';
		expect(withoutRepeatedFacts(md, { name: 'Assises', summary: null, shown: new Set(['sectors']) })).toBe('- **Entrée** : libre sur inscription');
	});
});
