// Kinds grouped by concept for the topic picker, and the learner's accuracy per concept for the chart.
import type { ChartBar } from './chart.ts';
import type { KindRegistry, PracticeRecord } from './practice.ts';

export interface ConceptGroup {
  concept: string;
  kinds: { id: string; title: string; description: string }[];
}

/** In registry order, so the picker reads the same every time. */
export function groupByConcept(kinds: KindRegistry): ConceptGroup[] {
  const groups = new Map<string, ConceptGroup>();
  for (const kind of Object.values(kinds)) {
    const group = groups.get(kind.concept) ?? { concept: kind.concept, kinds: [] };
    group.kinds.push({ id: kind.id, title: kind.title, description: kind.description });
    groups.set(kind.concept, group);
  }
  return [...groups.values()];
}

/** Percent right per concept answered at least once, weakest first: what to practise next. */
export function accuracyBars(record: PracticeRecord): ChartBar[] {
  return Object.entries(record.concepts)
    .filter(([, c]) => c.seen > 0)
    .map(([concept, c]) => ({ label: `${concept} (${c.correct}/${c.seen})`, value: Math.round((100 * c.correct) / c.seen) }))
    .sort((a, b) => a.value - b.value || a.label.localeCompare(b.label));
}
