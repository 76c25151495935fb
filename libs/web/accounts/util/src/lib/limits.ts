/** Longest display name the API accepts (sign-up and profile). */
export const DISPLAY_NAME_MAX_LENGTH = 60;
