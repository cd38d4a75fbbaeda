/** The phone page of the caller's messages (mounted outside the console, see routes.tsx). */
export const NOTIFICATIONS_MOBILE_PATH = '/m/notifications';
