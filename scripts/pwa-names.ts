// Names shared by the service worker configuration (build time) and the app (run time).
export const TOOLS_CACHE = 'lokus-tools';
