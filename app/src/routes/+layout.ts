// A client-rendered app: every page needs the signed-in tenant's data, which only the browser has.
export const ssr = false;
export const prerender = false;
