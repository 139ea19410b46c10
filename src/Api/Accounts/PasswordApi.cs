using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.RateLimiting;
using Opside.Grains.Accounts;

namespace Opside.Api.Accounts;

/// <summary>A signed-in user changes their password, which ends every session issued before (this one too).</summary>
public static class PasswordApi
{
    public static RouteHandlerBuilder MapPasswordApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPut("/api/auth/password", ChangeAsync)
            .WithTags("Accounts")
            .WithSummary("Changes the signed-in user's password; every token issued before answers 401 from then on.")
            .RequireAuthorization()
            // The current password is checked like a sign-in: counted toward lockout and within the same budget.
            .RequireRateLimiting(RateLimitingExtensions.AuthPolicy);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        PasswordChangeRequest request, ClaimsPrincipal caller, HttpContext http, SignIn signIn, Credentials credentials, IGrainFactory grains)
    {
        var (email, userId) = (caller.FindFirst("email")?.Value, caller.FindFirst("sub")?.Value);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword))
            errors["currentPassword"] = ["The current password is required."];
        if (Credentials.PasswordProblems(request.NewPassword, email ?? "").ToArray() is { Length: > 0 } problems)
            errors["newPassword"] = problems;
        else if (request.NewPassword == request.CurrentPassword)
            errors["newPassword"] = ["The new password must differ from the current one."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The password change is not valid.");

        if (email is null || userId is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token names no user whose password could change.");

        var user = grains.GetGrain<IUserGrain>(email);
        if (await signIn.CheckAsync(user, request.CurrentPassword, ClientAddress.Of(http)) is not { User.UserId: var checkedId } || checkedId != userId)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong, or the account is locked for a while after repeated failures."] },
                title: "The password change is not valid.");

        var hash = await Task.Run(() => credentials.Hash(request.NewPassword!));
        return await user.ChangePasswordAsync(userId, hash) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This token names no user whose password could change.")
            : TypedResults.NoContent();
    }
}

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
