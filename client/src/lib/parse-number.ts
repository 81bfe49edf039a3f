// What a person types as a number: optional sign, digits, one decimal point or comma. Nothing else.

const pattern = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;

export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!pattern.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
