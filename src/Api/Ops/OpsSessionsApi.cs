using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Accounts;
using Opside.Grains.Accounts;

namespace Opside.Api.Ops;

/// <summary>Ops end every session of a user (a stolen laptop, a departed employee): their tokens answer 401 from then on.</summary>
public static class OpsSessionsApi
{
    public static RouteGroupBuilder MapOpsSessionsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/users/{email}/revoke-sessions", RevokeAsync).WithSummary("Ends every session of the user with this email.");
        return ops;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string email, IGrainFactory grains)
    {
        if (Credentials.NormaliseEmail(email) is not { } normalised)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["A valid email address is required."] }, title: "The email is not valid.");

        return await grains.GetGrain<IUserGrain>(normalised).RevokeSessionsAsync() is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No user has this email.")
            : TypedResults.NoContent();
    }
}
