using System.Globalization;
using System.Text.Json;
using Opside.DataPlane.Claims;
using Opside.Detection;
using Opside.Detection.Shared;
using Opside.Grains.Claims;
using ClaimStatus = Opside.Grains.Claims.ClaimStatus;

namespace Opside.Benchmarks.Claims;

/// <summary>
/// The claims read model of a large seller, from a fixed seed: <see cref="Claims"/> claims of every type over 2,000
/// FNSKUs with anchors over the 18 months before <see cref="AsOf"/>, each type's window from the US policy, the status
/// the calendar gives it unless Amazon resolved it (30 % of those past their opening), the seller dismissed it (3 %) or
/// it was filed (12 % of those whose window opened: a case id, then Filed, a decision or Reimbursed). Values are
/// skewed (most under $40, a few in the hundreds), 4 % unknown. Each row's JSON is the API's claim, written by the
/// product's own <see cref="ClaimJsonContext"/>, with one to three evidence rows and its history, so a page reads
/// as many bytes as it would in production. <see cref="OtherSellers"/> sellers have a fifth as many claims each, so a
/// seller's list must filter the table rather than read all of it.
/// </summary>
internal static class LargeClaimSet
{
    public const string SellerId = "bench-claims-seller";
    public const int Claims = 50_000;
    public const int OtherSellers = 4;
    public const int Fnskus = 2_000;

    public static readonly DateOnly AsOf = DateOnly.FromDateTime(DateTime.UtcNow);

    private static readonly ClaimType[] Types = Enum.GetValues<ClaimType>();

    // Detection finds ledger claims far more often than the others (docs/benchmarks.md, the large seller's mix).
    private static readonly int[] TypeWeights = [28, 32, 3, 24, 2, 3, 2, 6];

    /// <summary>The seller's claims, then the other sellers', in batches as the projector writes them.</summary>
    public static IEnumerable<IReadOnlyList<ClaimRecord>> Batches(int batchSize = 1_000)
    {
        var sellers = new[] { (SellerId, Claims) }
            .Concat(Enumerable.Range(1, OtherSellers).Select(i => ($"bench-claims-other-{i}", Claims / 5)));
        var seed = 42;
        foreach (var (seller, count) in sellers)
        {
            var random = new Random(seed++);
            var batch = new List<ClaimRecord>(batchSize);
            for (var i = 0; i < count; i++)
            {
                batch.Add(Generate(random, seller, i));
                if (batch.Count == batchSize)
                {
                    yield return batch;
                    batch = new List<ClaimRecord>(batchSize);
                }
            }

            if (batch.Count > 0)
                yield return batch;
        }
    }

    public static string FnskuOf(int index) => $"X00{index:D7}";

    private static ClaimRecord Generate(Random random, string sellerId, int index)
    {
        var type = Pick(random);
        var window = DetectionPolicy.UnitedStates.Windows[type];
        var fnskuIndex = random.Next(Fnskus);
        var (fnsku, sku) = (FnskuOf(fnskuIndex), $"SKU-{fnskuIndex:D4}-{(char)('A' + fnskuIndex % 26)}");
        var anchor = AsOf.AddDays(-random.Next(540));
        // The index keeps keys apart where the generator repeats an FNSKU and a day; detection's keys are unique too.
        var reference = type switch
        {
            ClaimType.CustomerReturnNotReceived or ClaimType.ReturnDamagedInTransit => OrderId(random),
            ClaimType.InboundShortage => $"FBA17{random.Next(1_000_000, 9_999_999)}",
            ClaimType.RemovalShortfall or ClaimType.UnauthorizedDisposal => $"RMV-{random.Next(100_000, 999_999)}",
            ClaimType.UnderpaidReimbursement => random.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        var key = ClaimIdentity.Key(ClaimIdentity.DatedKey(fnsku, anchor), reference ?? index.ToString(CultureInfo.InvariantCulture));
        var units = random.Next(10) < 7 ? random.Next(1, 4) : random.Next(4, 25);
        var value = random.Next(100) < 4 ? null : new ClaimMoney(Math.Round((decimal)(units * (3 + 60 * Math.Pow(random.NextDouble(), 3))), 2), "USD");
        var facts = new ClaimFacts(sellerId, type.ToString(), key, fnsku, sku,
            type is ClaimType.CustomerReturnNotReceived or ClaimType.ReturnDamagedInTransit ? reference : null,
            type is ClaimType.InboundShortage ? reference : null,
            type is ClaimType.RemovalShortfall or ClaimType.UnauthorizedDisposal ? reference : null,
            type is ClaimType.UnderpaidReimbursement ? reference : null,
            anchor, anchor.AddDays(window.OpensAfterDays), anchor.AddDays(window.ClosesAfterDays), units, value,
            Evidence(random, fnsku, anchor, units), []);
        var detected = new DateTimeOffset(anchor.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var snapshot = new ClaimSnapshot(ClaimIdentity.IdOf(sellerId, type, key), facts, ClaimStatus.Watching,
            [new ClaimHistoryEntry(detected, null, ClaimStatus.Watching, "detector", $"Detected: {units} units.", Correlation(random))], 1);
        snapshot = Progress(random, snapshot);
        var json = JsonSerializer.Serialize(Claim.From(snapshot), ClaimJsonContext.Default.Claim);
        return new ClaimRecord(sellerId, snapshot.ClaimId, facts.Type, snapshot.Status.ToString(), facts.AnchorDate, facts.WindowCloses,
            value?.Amount, value?.Currency, snapshot.Version, json, snapshot.Filing?.CaseId,
            ClaimRecord.SearchOf(fnsku, sku, facts.OrderId, facts.ShipmentId, facts.RemovalOrderId, snapshot.Filing?.CaseId),
            snapshot.Recovered?.Cash.Amount, snapshot.Recovered?.Cash.Currency, ExpectedRecovery(snapshot, value, index));
    }

    /// <summary>
    /// What the refund model would expect of an open claim of known value, a share of it from the index alone, so the
    /// rest of the set stays what it was before claims carried scores.
    /// </summary>
    private static decimal? ExpectedRecovery(ClaimSnapshot claim, ClaimMoney? value, int index) =>
        value is null || claim.Status is not (ClaimStatus.Watching or ClaimStatus.Claimable or ClaimStatus.Filed)
            ? null
            : Math.Round(value.Amount * (0.10m + index * 7_919 % 86 / 100m), 2);

    /// <summary>What happened to the claim by <see cref="AsOf"/>: the calendar, Amazon, the seller and their cases.</summary>
    private static ClaimSnapshot Progress(Random random, ClaimSnapshot claim)
    {
        var f = claim.Facts;
        var calendar = f.StatusOn(AsOf);
        if (calendar != ClaimStatus.Watching)
            claim = Move(claim, ClaimStatus.Claimable, f.WindowOpens, "clock");
        var roll = random.Next(100);
        if (calendar != ClaimStatus.Watching && roll < 30)
            return Move(claim, ClaimStatus.ResolvedByAmazon, f.WindowOpens.AddDays(random.Next(1, 10)), "detector");
        if (roll is >= 30 and < 33)
            return Move(claim, ClaimStatus.Dismissed, f.AnchorDate.AddDays(3), "user-7");
        if (calendar != ClaimStatus.Watching && roll < 45)
        {
            var filedOn = f.WindowOpens.AddDays(random.Next(0, Math.Max(1, Math.Min(f.WindowCloses.DayNumber, AsOf.DayNumber) - f.WindowOpens.DayNumber)));
            var caseId = random.NextInt64(10_000_000_000L, 19_999_999_999L).ToString(CultureInfo.InvariantCulture);
            var filed = Move(claim with { Filing = new ClaimFiling(caseId, At(filedOn), "user-7") }, ClaimStatus.Filed, filedOn, "user-7");
            if (AsOf.DayNumber - filedOn.DayNumber < 14)
                return filed;
            var outcome = random.Next(10) switch
            {
                < 5 => ClaimStatus.Reimbursed,
                < 7 => ClaimStatus.Approved,
                < 8 => ClaimStatus.PartiallyApproved,
                < 9 => ClaimStatus.Denied,
                _ => ClaimStatus.Filed,
            };
            if (outcome == ClaimStatus.Filed)
                return filed;
            var decided = Move(filed, outcome, filedOn.AddDays(random.Next(3, 14)), outcome == ClaimStatus.Reimbursed ? "reconciler" : "user-7");
            if (outcome != ClaimStatus.Reimbursed || f.EstimatedValue is not { } value)
                return decided;
            var cash = new ClaimMoney(random.Next(10) < 8 ? value.Amount : Math.Round(value.Amount * 0.6m, 2), value.Currency);
            return decided with { Recovered = new ClaimRecovery(cash, f.Units, 0, [random.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture)], []) };
        }

        return calendar == ClaimStatus.Expired ? Move(claim, ClaimStatus.Expired, f.WindowCloses.AddDays(1), "clock") : claim;
    }

    private static ClaimSnapshot Move(ClaimSnapshot claim, ClaimStatus to, DateOnly on, string by) => claim with
    {
        Status = to,
        History = [.. claim.History, new ClaimHistoryEntry(At(on), claim.Status, to, by, $"{claim.Status} → {to}.", claim.ClaimId[..8] + claim.Version.ToString(CultureInfo.InvariantCulture))],
        Version = claim.Version + 1,
    };

    private static IReadOnlyList<ClaimEvidenceRow> Evidence(Random random, string fnsku, DateOnly anchor, int units) =>
    [
        .. Enumerable.Range(0, random.Next(1, 4)).Select(i => new ClaimEvidenceRow("GET_LEDGER_DETAIL_VIEW_DATA",
        [
            new ClaimField("Date", anchor.AddDays(-i).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)),
            new ClaimField("FNSKU", fnsku),
            new ClaimField("Event Type", "Adjustments"),
            new ClaimField("Reference ID", random.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(CultureInfo.InvariantCulture)),
            new ClaimField("Quantity", (-units).ToString(CultureInfo.InvariantCulture)),
            new ClaimField("Fulfillment Center", $"PHX{random.Next(3, 9)}"),
            new ClaimField("Disposition", "SELLABLE"),
            new ClaimField("Reason", "M"),
        ])),
    ];

    private static string Correlation(Random random) => random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    private static string OrderId(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"11{random.Next(1, 5)}-{random.Next(1_000_000, 9_999_999)}-{random.Next(1_000_000, 9_999_999)}");

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(15, 30)), TimeSpan.Zero);

    private static ClaimType Pick(Random random)
    {
        var roll = random.Next(TypeWeights.Sum());
        for (var i = 0; i < Types.Length; i++)
        {
            if (roll < TypeWeights[i])
                return Types[i];
            roll -= TypeWeights[i];
        }

        return Types[^1];
    }
}
