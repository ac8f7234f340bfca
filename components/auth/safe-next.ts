// Where to go after signing in or up: only a path on this site (an invite link), never another origin.
export function safeNext(next: string | string[] | undefined): string {
  const v = Array.isArray(next) ? next[0] : next;
  return v && /^\/(?![/\\])[A-Za-z0-9/_\-.?=&%]*$/.test(v) ? v : "/";
}
