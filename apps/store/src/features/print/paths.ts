/** The store app's tus endpoint, as the browser calls it (the route handler forwards it). */
export const TUS_APP_PATH_FOR_BROWSER = '/api/model-uploads/tus';

/** The store app's routes for one upload's analysis, units and quotes. */
export const uploadApiPath = (id: string) => `/api/model-uploads/${id}`;
