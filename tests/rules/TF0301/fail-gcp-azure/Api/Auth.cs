public static class Auth
{
    public const string ClientSecret = "AbC8Q~AbCd01-_EfGh23IjAbCd01-_EfGh23IjAb";
}
