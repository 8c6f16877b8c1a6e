/**
 * Every form of an address people paste that should lead to a term: ATT&CK
 * IDs in upper or lower case, sub-techniques with a dot or a slash, catalog
 * numbers. Static hosts match paths case-sensitively, so each form is its own page.
 */
export function attackIdPaths(id: string): string[] {
  const forms = id.includes('.') ? [id, id.replace('.', '/')] : [id];
  return [...new Set(forms.flatMap((form) => [form, form.toLowerCase()]))];
}

export function numberPath(number: number): string {
  return String(number);
}
