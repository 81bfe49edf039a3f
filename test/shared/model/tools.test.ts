import { describe, expect, it } from 'vitest';
import { can, toolsFor, whyNot, type Capability, type Tool } from '../../../shared/model/tools.ts';

describe('tools model (docs/rules/tools.md)', () => {
  it.each<[Capability[], Tool[]]>([
    [['regex-pod-logs'], ['stern']],
    [['follows-new-pods'], ['stern']],
    [['live-terminal-ui'], ['k9s']],
    [['desktop-app'], ['Lens']],
    [['quick-switch'], ['kubectx / kubens']],
    [['release-rollback'], ['Helm']],
    [['rollout-undo'], ['kubectl']],
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

  it('says which capability a tool lacks', () => {
    expect(whyNot('kubectl', ['follows-new-pods'])).toMatch(/created after it started/);
    expect(whyNot('Lens', ['non-interactive', 'chart-install'])).toMatch(/person at a screen/);
  });
});
