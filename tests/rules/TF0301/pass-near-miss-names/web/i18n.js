export const messages = {
  password: "auth.errors.password2_too_short",
  token: "session.token3.expired",
};
