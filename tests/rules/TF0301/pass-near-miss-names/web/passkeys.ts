export enum AAGUID {
  OnePassword = "01234567-0123-0123-0123-0123456789ab",
}
