using System.Text.Json.Serialization;
using Opside.Grains.Scoring;

namespace Opside.Grains.Claims;

/// <summary>
/// A claim as the API answers it (docs/api.md, "Claims"): the detected facts, the status and every change. Dates are
/// <c>yyyy-MM-dd</c>, <see cref="EstimatedValue"/> is null when no cost is known, each evidence row keeps its report's
/// column order. The read model stores this JSON once per change, so reads only frame it.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.claims.claim-view")]
public sealed record Claim(
    [property: Id(0)] string Id,
    [property: Id(1)] string SellerId,
    [property: Id(2)] string Type,
    [property: Id(3)] ClaimStatus Status,
    [property: Id(4)] string Fnsku,
    [property: Id(5)] string Sku,
    [property: Id(6)] string? OrderId,
    [property: Id(7)] string? ShipmentId,
    [property: Id(8)] string? RemovalOrderId,
    [property: Id(9)] string? ReimbursementId,
    [property: Id(10)] DateOnly AnchorDate,
    [property: Id(11)] DateOnly WindowOpens,
    [property: Id(12)] DateOnly WindowCloses,
    [property: Id(13)] int Units,
    [property: Id(14)] ClaimMoney? EstimatedValue,
    [property: Id(15)] IReadOnlyList<ClaimEvidence> Evidence,
    [property: Id(16)] IReadOnlyList<ClaimHistoryEntry> History,
    [property: Id(17)] string? CaseId = null,
    [property: Id(18)] DateTimeOffset? FiledAt = null,
    [property: Id(19)] ClaimRecovery? Recovered = null,
    [property: Id(20)] bool DueSoon = false,
    [property: Id(21)] ClaimScoreView? Score = null)
{
    /// <summary>The claim a grain's snapshot shows.</summary>
    public static Claim From(ClaimSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var f = snapshot.Facts;
        return new Claim(snapshot.ClaimId, f.SellerId, f.Type, snapshot.Status, f.Fnsku, f.Sku, f.OrderId, f.ShipmentId,
            f.RemovalOrderId, f.ReimbursementId, f.AnchorDate, f.WindowOpens, f.WindowCloses, f.Units, f.EstimatedValue,
            [.. f.Evidence.Select(ClaimEvidence.From)], snapshot.History, snapshot.Filing?.CaseId, snapshot.Filing?.FiledAt, snapshot.Recovered,
            Score: snapshot.Score);
    }

    /// <summary>
    /// Still Claimable with <see cref="ClaimDeadlines.DueSoonDays"/> days or fewer left on <paramref name="today"/>: a
    /// field of the day, not of the claim, so the read model computes it when it answers.
    /// </summary>
    public Claim AsOf(DateOnly today) => this with { DueSoon = ClaimDeadlines.IsDueSoon(Status, WindowCloses, today) };
}

/// <summary>One source row behind a claim as the API shows it: the report and its columns by name, in the report's order.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.evidence")]
public sealed record ClaimEvidence(
    [property: Id(0)] string Source,
    [property: Id(1)] IReadOnlyDictionary<string, string> Row)
{
    public static ClaimEvidence From(ClaimEvidenceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Insertion order is the report's column order; a repeated column name keeps its last value.
        var fields = new Dictionary<string, string>(row.Fields.Count, StringComparer.Ordinal);
        foreach (var field in row.Fields)
            fields[field.Name] = field.Value;
        return new ClaimEvidence(row.Source, fields);
    }
}

/// <summary>One page of a seller's claims, by soonest window close then id, and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("opside.claims.page")]
public sealed record ClaimPage(
    [property: Id(0)] IReadOnlyList<Claim> Items,
    [property: Id(1)] long Total,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize);

/// <summary>The one JSON shape of claims, for the read model (written by claim grains, read by the claims reader).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Claim))]
public sealed partial class ClaimJsonContext : JsonSerializerContext;
