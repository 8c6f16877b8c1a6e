/**
 * Every form of an ATT&CK ID people paste that should lead to its term: upper
 * or lower case, sub-techniques with a dot or a slash. Static hosts match
 * paths case-sensitively, so each form is its own page.
 */
export function attackIdPaths(id: string): string[] {
  const forms = id.includes('.') ? [id, id.replace('.', '/')] : [id];
  return [...new Set(forms.flatMap((form) => [form, form.toLowerCase()]))];
}
