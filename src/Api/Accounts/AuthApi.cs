using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.RateLimiting;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth")
            .WithTags("Accounts")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitingExtensions.AuthPolicy);
        // Its own, tighter budget: a taken email answers 409 (see the README), so registrations per client are what
        // bound how fast anyone can learn which emails have accounts.
        auth.MapPost("/register", RegisterAsync).WithSummary("Creates a seller account and its user.")
            .RequireRateLimiting(RateLimitingExtensions.RegisterPolicy);
        auth.MapPost("/token", IssueTokenAsync).WithSummary("Exchanges email and password for an access token.");
        return auth;
    }

    private static async Task<Results<Created<Registered>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, Credentials credentials, IGrainFactory grains)
    {
        var email = Credentials.NormaliseEmail(request.Email);
        var errors = new Dictionary<string, string[]>();
        if (email is null)
            errors["email"] = ["A valid email address is required."];
        if (string.IsNullOrWhiteSpace(request.CompanyName) || request.CompanyName.Trim().Length > 200)
            errors["companyName"] = ["A company name of 1 to 200 characters is required."];
        if (Credentials.PasswordProblems(request.Password, email ?? request.Email ?? "").ToArray() is { Length: > 0 } passwordProblems)
            errors["password"] = passwordProblems;
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The registration is not valid.");

        var hash = await Task.Run(() => credentials.Hash(request.Password!));
        var result = await grains.GetGrain<IUserGrain>(email!).RegisterAsync(new NewUser(email!, hash, UserRole.Seller, request.CompanyName!.Trim()));
        if (!result.Created)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The email is already registered.");

        return TypedResults.Created($"/api/sellers/{result.SellerId}", new Registered(result.UserId, result.SellerId!));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, SignIn signIn, HttpContext http) =>
        await signIn.TryAsync(request.Email, request.Password, ClientAddress.Of(http)) is { } token ? TypedResults.Ok(token) : Refused();

    // One answer for an unknown email, a wrong password and a locked account: none confirms that an account exists.
    private static ProblemHttpResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The email or password is wrong, or the account is locked for a while after repeated failures.");
}

public sealed record RegisterRequest(string? Email, string? Password, string? CompanyName);

public sealed record Registered(string UserId, string SellerId);

public sealed record TokenRequest(string? Email, string? Password);
