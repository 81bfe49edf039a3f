import '@testing-library/svelte/vitest';
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import RichText from '../../client/src/components/RichText.svelte';
import { plainText, splitInlineCode } from '../../client/src/lib/inline-code.ts';

const plain = (text: string) => ({ text, code: false });
const code = (text: string) => ({ text, code: true });

describe('splitInlineCode', () => {
  it.each([
    ['no backticks', 'Which probe fits?', [plain('Which probe fits?')]],
    ['a pair in the middle', 'pod `billing` so', [plain('pod '), code('billing'), plain(' so')]],
    ['a pair at both ends', '`a` and `b`', [code('a'), plain(' and '), code('b')]],
    ['a whole string', '`kubectl logs web`', [code('kubectl logs web')]],
    ['a backtick left over after a pair', 'a `b` c `d', [plain('a '), code('b'), plain(' c `d')]],
    ['a single lone backtick', 'a ` b', [plain('a ` b')]],
    ['an empty pair', 'a `` b `c`', [plain('a `` b '), code('c')]],
    ['newlines kept', 'first\n`second`', [plain('first\n'), code('second')]],
    ['an empty string', '', []],
  ])('handles %s', (_case, source, runs) => {
    expect(splitInlineCode(source)).toEqual(runs);
  });

  it('keeps every character except the backticks of each pair', () => {
    const source = 'fetch-config (amazon/aws-cli:2.15.0): `aws s3 cp s3://acme/app.env /var/lib/app/app.env`';
    expect(plainText(source)).toBe(source.replace(/`/g, ''));
    expect(plainText('a ` b')).toBe('a ` b');
  });
});

describe('RichText', () => {
  it('renders code runs in <code> and the rest as plain text', () => {
    const { container } = render(RichText, { text: 'Order the initContainers of pod `billing` so' });
    expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['billing']);
    expect(container.textContent).toBe('Order the initContainers of pod billing so');
  });

  it.each([
    ['in plain text', '<script>alert(1)</script> `x`'],
    ['inside code', 'run `<img src=x onerror=alert(1)>` now'],
  ])('keeps markup %s as visible text', (_where, text) => {
    const { container } = render(RichText, { text });
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.textContent).toBe(plainText(text));
    expect(container.textContent).toContain('<');
  });
});
