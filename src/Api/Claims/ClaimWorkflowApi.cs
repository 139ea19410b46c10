using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Grains.Claims;
using Claim = Opside.Grains.Claims.Claim;
using ClaimStatus = Opside.Grains.Claims.ClaimStatus;

namespace Opside.Api.Claims;

/// <summary>
/// Filing, Amazon's decision and dismissal (docs/api.md, "Claim workflow"; docs/claim-workflow.md). These routes check
/// the body and hand the command to the claim's grain, which checks the transition, records who and why, and answers
/// the claim; a refused transition is a 409 naming the claim's state. A seller files its own claims, ops any seller's.
/// </summary>
public static partial class ClaimWorkflowApi
{
    private const string FilingBody = """Expected { "caseId": "15678123451", "filedAt": "2026-11-20T10:00:00Z" } (filedAt optional, default now, not in the future).""";
    private const string DecisionBody = """Expected { "outcome": "Approved" | "PartiallyApproved" | "Denied", "note": "…" } (note optional).""";
    private const string DismissalBody = """Expected { "reason": "…" }.""";
    private const int MaxText = 1_000;

    // A little slack for a browser clock ahead of the server's.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapClaimWorkflowApi(this RouteGroupBuilder seller)
    {
        seller.MapPost("/claims/{claimId}/filing", FileAsync).WithTags("Claims")
            .WithSummary("Records the Seller Central case the claim was filed as; 409 unless it was Claimable on the filing day.")
            .Accepts<FilingRequest>("application/json");
        seller.MapPost("/claims/{claimId}/decision", DecideAsync).WithTags("Claims")
            .WithSummary("Records Amazon's decision on a filed claim.")
            .Accepts<DecisionRequest>("application/json");
        seller.MapPost("/claims/{claimId}/dismissal", DismissAsync).WithTags("Claims")
            .WithSummary("Dismisses a claim the seller chooses not to file.")
            .Accepts<DismissalRequest>("application/json");
        return seller;
    }

    private static async Task<Results<Ok<Claim>, ProblemHttpResult>> FileAsync(
        string sellerId, string claimId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonCommandBody.ReadAsync(request, FilingBody, cancellationToken);
        if (problem is not null)
            return problem;
        if (JsonCommandBody.Field(body!.Value, "caseId") is not { ValueKind: JsonValueKind.String } caseField || caseField.GetString()!.Trim() is not { } caseId
            || !CaseIdFormat().IsMatch(caseId))
            return JsonCommandBody.Invalid("caseId", "Required: the Seller Central case id, 5 to 20 digits.", FilingBody);
        var now = time.GetUtcNow();
        var filedAt = now;
        if (JsonCommandBody.Field(body.Value, "filedAt") is { ValueKind: not JsonValueKind.Null } filedField)
        {
            if (filedField.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(filedField.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out filedAt))
                return JsonCommandBody.Invalid("filedAt", "Expected an ISO 8601 date and time.", FilingBody);
            if (filedAt > now + ClockSkew)
                return JsonCommandBody.Invalid("filedAt", "A filing cannot be in the future.", FilingBody);
        }

        var claim = await grains.GetGrain<IClaimGrain>(claimId).FileAsync(sellerId, caseId, filedAt.ToUniversalTime(), Actor(user));
        return TypedResults.Ok(View(claim, time));
    }

    private static async Task<Results<Ok<Claim>, ProblemHttpResult>> DecideAsync(
        string sellerId, string claimId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonCommandBody.ReadAsync(request, DecisionBody, cancellationToken);
        if (problem is not null)
            return problem;
        if (JsonCommandBody.Field(body!.Value, "outcome") is not { ValueKind: JsonValueKind.String } outcomeField
            || outcomeField.GetString() is not ("Approved" or "PartiallyApproved" or "Denied") || !Enum.TryParse<ClaimStatus>(outcomeField.GetString(), out var outcome))
            return JsonCommandBody.Invalid("outcome", "Required: Approved, PartiallyApproved or Denied.", DecisionBody);
        if (!TryText(body.Value, "note", required: false, out var note))
            return JsonCommandBody.Invalid("note", $"Optional text of at most {MaxText} characters.", DecisionBody);

        var claim = await grains.GetGrain<IClaimGrain>(claimId).DecideAsync(sellerId, outcome, note, Actor(user));
        return TypedResults.Ok(View(claim, time));
    }

    private static async Task<Results<Ok<Claim>, ProblemHttpResult>> DismissAsync(
        string sellerId, string claimId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonCommandBody.ReadAsync(request, DismissalBody, cancellationToken);
        if (problem is not null)
            return problem;
        if (!TryText(body!.Value, "reason", required: true, out var reason))
            return JsonCommandBody.Invalid("reason", $"Required: why the claim is not filed, at most {MaxText} characters.", DismissalBody);

        var claim = await grains.GetGrain<IClaimGrain>(claimId).DismissByPersonAsync(sellerId, reason!, Actor(user));
        return TypedResults.Ok(View(claim, time));
    }

    /// <summary>The claim as the API shows it, with <c>dueSoon</c> of today.</summary>
    private static Claim View(ClaimSnapshot claim, TimeProvider time) => Claim.From(claim).AsOf(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private static bool TryText(JsonElement body, string name, bool required, out string? text)
    {
        text = null;
        var field = JsonCommandBody.Field(body, name);
        if (field is null or { ValueKind: JsonValueKind.Null })
            return !required;
        if (field.Value.ValueKind != JsonValueKind.String)
            return false;
        text = field.Value.GetString()!.Trim();
        return text.Length is > 0 and <= MaxText || (!required && text.Length == 0);
    }

    /// <summary>Who acted: the signed-in user's id, as the history records it.</summary>
    private static string Actor(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";

    [GeneratedRegex(@"^[0-9]{5,20}\z")]
    private static partial Regex CaseIdFormat();
}

public sealed record FilingRequest(string CaseId, DateTimeOffset? FiledAt);

public sealed record DecisionRequest(string Outcome, string? Note);

public sealed record DismissalRequest(string Reason);
