/** Where the area pages live, so that links and tests agree on them. */
export const treePath = (code: string) => `/areas?code=${encodeURIComponent(code)}`;
export const mapPath = (code: string) => `/areas/map?code=${encodeURIComponent(code)}`;
export const gridProfilePath = (code: string) => `/areas/grids/${encodeURIComponent(code)}`;
export const publicGridPath = (code: string) => `/m/grids/${encodeURIComponent(code)}`;
