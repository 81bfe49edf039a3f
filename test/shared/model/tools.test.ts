import { describe, expect, it } from 'vitest';
import { can, toolsFor, toolsLacking, whyNot, type Capability, type Tool } from '../../../shared/model/tools.ts';

describe('tools model (docs/rules/tools.md)', () => {
  it.each<[Capability[], Tool[]]>([
    [['regex-pod-logs'], ['stern']],
    [['follows-new-pods'], ['stern']],
    [['live-terminal-ui'], ['k9s']],
    [['desktop-app'], ['Lens']],
    [['quick-switch'], ['kubectx / kubens']],
    // k9s's helm view rolls releases back and Lens does too; k9s rolls Deployments back from their ReplicaSets.
    [['release-rollback'], ['k9s', 'Lens', 'Helm']],
    [['rollout-undo'], ['kubectl', 'k9s']],
    [['non-interactive', 'release-rollback'], ['Helm']],
    [['non-interactive', 'chart-install'], ['Helm']],
    [['non-interactive', 'regex-pod-logs'], ['stern']],
    [['persists-switch'], ['kubectl', 'kubectx / kubens']],
    [['pod-shell'], ['kubectl', 'k9s', 'Lens']],
  ])('%o is answered by %o', (need, tools) => {
    expect(toolsFor(need)).toEqual(tools);
  });

  it('never lets the interactive tools run in a CI job', () => {
    expect(can('k9s', 'non-interactive')).toBe(false);
    expect(can('Lens', 'non-interactive')).toBe(false);
  });

  it('never offers a tool as wrong on a ground we are unsure of', () => {
    expect(toolsLacking(['persists-switch'])).not.toContain('k9s');
    expect(toolsLacking(['rollout-undo'])).toEqual(['stern', 'kubectx / kubens', 'Helm']);
    expect(toolsLacking(['release-rollback'])).toEqual(['kubectl', 'stern', 'kubectx / kubens']);
    // Lens may show usage columns, but it surely has no terminal view: that is the reason given.
    expect(toolsLacking(['live-terminal-ui', 'live-usage-columns'])).toContain('Lens');
    expect(whyNot('Lens', ['live-usage-columns', 'live-terminal-ui'])).toMatch(/terminal view/);
  });

  it('says which capability a tool lacks', () => {
    expect(whyNot('kubectl', ['follows-new-pods'])).toMatch(/created after it started/);
    expect(whyNot('Lens', ['non-interactive', 'chart-install'])).toMatch(/person at a screen/);
  });
});
