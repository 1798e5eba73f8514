/**
 * Model slugs: the per-model identity used in Kubernetes names and label values. Hugging Face ids
 * contain `/`, which label values cannot, so the slug is derived from the part after the org.
 */

/** Longest slug: leaves room for suffixes such as `-epp` in 63-character Kubernetes names. */
export const maxSlugLength = 40;

/** DNS-1035 label: a valid Service name and, being shorter than 63, a valid label value. */
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** `Qwen/Qwen2.5-3B-Instruct` -> `qwen2-5-3b-instruct`; empty when nothing usable is left. */
export function slugFromModelName(modelName: string): string {
  const lastSegment = modelName.split("/").filter((part) => part.length > 0).pop() ?? "";
  let slug = lastSegment
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (/^[0-9]/.test(slug)) slug = `m-${slug}`;
  return slug.slice(0, maxSlugLength).replace(/-+$/, "");
}

/** Why `slug` cannot be used, or undefined when it can. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length === 0) return "is empty";
  if (slug.length > maxSlugLength) return `is ${slug.length} characters; at most ${maxSlugLength} are allowed`;
  if (!dns1035Label.test(slug)) {
    return "must be lower-case letters, digits and '-', start with a letter and end with a letter or digit";
  }
  return undefined;
}
