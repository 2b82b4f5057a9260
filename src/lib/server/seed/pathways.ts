import { compareDays, formatDay, later, randomDayInYear, StepDater, yearOf, type DatedStep, type Day } from './dates';
import type { PlannedEntity } from './demo-ecosystem';
import type { Pools } from './pools';
import type { Rng } from './random';
import { LAST_YEAR, type RelationBook } from './relation-book';

const HOSTING_PLACES = ['coworking', 'rural_third_place', 'incubation_space', 'fablab'];
const FUNDING_TEXTS = [
	"Prêt d'honneur de 30 000 €",
	'Subvention innovation',
	"Tour d'amorçage de 400 000 €",
	'Avance remboursable',
	'Bourse French Tech (fictive)',
	'Prêt participatif'
];

const inTime = (d: Day) => yearOf(d) <= LAST_YEAR;

/**
 * The dated pathway of each startup (and of some companies): founders, then a nearby third-place,
 * an incubator, a funder, an accelerator, each step no earlier than the one before, and the
 * side relations around it (spin-off, mentoring, membership, the founders' earlier jobs and training).
 */
export class VenturePathways {
	private readonly staff = new Map<number, PlannedEntity[]>();

	constructor(
		private readonly rng: Rng,
		private readonly pools: Pools,
		private readonly book: RelationBook
	) {}

	/** Researchers per lab, so a lab's spin-off can be co-founded by one of them. */
	setStaff(staff: Map<number, PlannedEntity[]>): void {
		for (const [k, v] of staff) this.staff.set(k, v);
	}

	planAll(): void {
		for (const v of this.pools.of('startup')) this.startup(v);
		for (const v of this.pools.of('company')) this.company(v);
	}

	private founders(venture: PlannedEntity, founding: DatedStep, count: number, first?: PlannedEntity): void {
		const chosen: PlannedEntity[] = first ? [first] : [];
		while (chosen.length < count) {
			const p = this.pools.near(venture, ['entrepreneur'], { scaleKm: 20, spreadUse: 2.5, exclude: (e) => chosen.includes(e) });
			if (!p) break;
			chosen.push(this.pools.use(p));
		}
		chosen.forEach((person, i) => {
			this.book.add('founded', person, venture, { start: founding.text, confirmed: 0.5 });
			if (i === 0) this.book.add('leads', person, venture, { start: founding.text });
			this.before(person, yearOf(founding.at));
		});
	}

	/** What a founder did before: a job in a company, a training. Year-level dates. */
	private before(person: PlannedEntity, year: number): void {
		if (this.rng.chance(0.25)) {
			const employer = this.pools.near(person, ['company', 'large_company'], { scaleKm: 25 });
			const start = year - this.rng.int(3, 8);
			if (employer && (employer.foundedYear ?? 0) <= start) {
				this.book.add('works_at', person, employer, {
					start: String(start),
					end: String(year - this.rng.int(0, 1)),
					description: 'Poste occupé avant la création'
				});
			}
		}
		if (this.rng.chance(0.2)) {
			const school = this.pools.near(person, ['university', 'support_network'], { scaleKm: 40 });
			if (school) {
				const start = school.category === 'university' ? year - this.rng.int(6, 10) : year - this.rng.int(0, 1);
				const end = school.category === 'university' ? start + this.rng.int(2, 5) : start;
				this.book.add('trained_by', person, school, { start: String(start), end: String(Math.min(end, year)) });
			}
		}
	}

	private startup(v: PlannedEntity): void {
		const { rng, pools, book } = this;
		const dater = new StepDater(rng);
		const founding = dater.next(randomDayInYear(rng, v.foundedYear ?? 2020));

		let researcher: PlannedEntity | undefined;
		if (rng.chance(0.15)) {
			const lab = pools.near(v, ['lab', 'university'], { scaleKm: 30 });
			if (lab) {
				book.add('spin_off_of', v, lab, { start: founding.text, description: "Valorisation d'un résultat de recherche", confirmed: 0.6 });
				const team = this.staff.get(lab.ref) ?? [];
				researcher = team.length ? rng.pick(team) : undefined;
			}
		} else if (rng.chance(0.04)) {
			const parent = pools.near(v, ['large_company', 'company'], { scaleKm: 30 });
			if (parent) book.add('spin_off_of', v, parent, { start: founding.text, description: "Essaimage d'un projet interne" });
		}
		const r = rng.next();
		this.founders(v, founding, r < 0.6 ? 1 : r < 0.95 ? 2 : 3, researcher);

		let at = founding.at;
		const step = (
			chance: number,
			categories: string[],
			type: 'hosted_by' | 'incubated_by' | 'funded_by' | 'accelerated_by',
			gap: [number, number],
			scaleKm: number,
			describe: () => string,
			lengthMonths?: [number, number]
		): boolean => {
			if (!rng.chance(chance)) return false;
			let day = later(rng, at, gap[0], gap[1]);
			if (!inTime(day)) return false;
			const target = pools.near(v, categories, {
				scaleKm,
				spreadUse: 0.05,
				weight: (e) => (e.category === 'incubation_space' && type === 'incubated_by' ? 0.5 : 1)
			});
			if (!target) return false;
			// A structure younger than the step: the project joined it when it opened.
			const opened = target.foundedYear ?? 0;
			if (opened > yearOf(day)) day = randomDayInYear(rng, opened);
			if (!inTime(day)) return false;
			const dated = dater.next(day);
			at = dated.at;
			let end: string | null = null;
			if (lengthMonths) {
				const endDay = later(rng, dated.at, lengthMonths[0], lengthMonths[1]);
				if (inTime(endDay) && compareDays(endDay, dated.at) >= 0) end = formatDay(endDay, dated.precision);
			}
			book.add(type, v, target, { start: dated.text, end, description: describe(), confirmed: 0.4 });
			return true;
		};

		step(0.65, HOSTING_PLACES, 'hosted_by', [0, 6], 15, () => rng.pick(['Bureau au sein de l’espace', 'Poste en coworking', 'Atelier partagé', '']), [12, 36]);
		const incubated = step(
			0.6,
			['incubator', 'incubation_space'],
			'incubated_by',
			[0, 12],
			30,
			() => `Programme d'incubation de ${rng.pick([6, 12, 18])} mois`,
			[6, 18]
		);
		const funded = step(incubated ? 0.75 : 0.4, ['funder', 'funder', 'funder', 'public_body'], 'funded_by', [3, 24], 40, () => rng.pick(FUNDING_TEXTS));
		step(funded ? 0.45 : 0.08, ['accelerator'], 'accelerated_by', [6, 24], 60, () => "Promotion du programme d'accélération", [6, 12]);

		this.around(v, founding.at);
	}

	private company(v: PlannedEntity): void {
		const { rng, pools, book } = this;
		const year = v.foundedYear ?? 1990;
		const dater = new StepDater(rng);
		const founding = dater.next(randomDayInYear(rng, year), 0);
		if (year >= 1985 && rng.chance(0.7)) this.founders(v, founding, 1);
		else {
			const boss = pools.near(v, ['entrepreneur'], { scaleKm: 15, spreadUse: 1 });
			if (boss) book.add('leads', pools.use(boss), v, { start: String(Math.max(year, rng.int(1995, 2022))) });
		}
		if (year >= 1995 && rng.chance(0.15)) {
			const place = pools.near(v, ['incubation_space'], { scaleKm: 30, exclude: (e) => (e.foundedYear ?? 0) > year });
			if (place) book.add('hosted_by', v, place, { start: dater.next(later(rng, founding.at, 0, 6)).text, end: String(year + rng.int(2, 4)) });
		}
		if (rng.chance(0.3)) {
			const day = later(rng, { month: Math.max(founding.at.month, 2015 * 12), day: 1 }, 0, 96);
			const funder = pools.near(v, ['public_body', 'funder'], { scaleKm: 40 });
			if (funder && inTime(day)) book.add('funded_by', v, funder, { start: dater.next(day).text, description: rng.pick(FUNDING_TEXTS) });
		}
		this.around(v, founding.at);
	}

	/** Mentoring and memberships, dated after the founding. */
	private around(v: PlannedEntity, founded: Day): void {
		const { rng, pools, book } = this;
		const after = (min: number, max: number) => {
			const d = later(rng, founded, min, max);
			return inTime(d) ? formatDay(d, rng.chance(0.5) ? 0 : 1) : null;
		};
		if (v.category === 'startup' && rng.chance(0.35)) {
			const mentor = pools.near(v, ['mentor'], { scaleKm: 25, spreadUse: 0.5 });
			const start = after(0, 24);
			if (mentor && start) book.add('mentored_by', v, pools.use(mentor), { start, description: 'Mentorat pendant la création' });
		}
		if (rng.chance(v.category === 'startup' ? 0.25 : 0.1)) {
			const network = pools.near(v, ['support_network'], { scaleKm: 30 });
			const start = after(0, 18);
			if (network && start) book.add('mentored_by', v, network, { start });
		}
		if (rng.chance(0.35)) {
			const cluster = pools.near(v, ['cluster'], { scaleKm: 60, weight: (c) => (c.sectors.some((s) => v.sectors.includes(s)) ? 4 : 1) });
			const start = after(6, 48);
			if (cluster && start) book.add('member_of', v, cluster, { start });
		}
		if (rng.chance(0.15)) {
			const network = pools.near(v, ['support_network', 'association'], { scaleKm: 30 });
			const start = after(0, 36);
			if (network && start) book.add('member_of', v, network, { start });
		}
	}
}
