using Opside.Scoring.Features;
using Opside.Scoring.Training;

namespace Opside.Scoring.Bootstrap;

/// <summary>
/// Decided claims drawn from a documented outcome model (docs/model-card.md, "Bootstrap data"), to train the first model
/// before the workflow has recorded enough real decisions. Each claim's features are drawn as detection finds them, its
/// approval from a logistic model of those features plus noise, and its paid share from a second draw. The same seed
/// gives the same rows. The effects below are the model card's table, not facts about Amazon.
/// </summary>
public static class BootstrapOutcomes
{
    /// <summary>The eight claim types of docs/claim-rules.md with their share of claims and their effect on the log-odds.</summary>
    internal static readonly (string Type, double Share, double Effect, string[] Reasons)[] Types =
    [
        ("WarehouseLost", 0.34, 1.1, ["M", "5", "F"]),
        ("WarehouseDamaged", 0.22, 0.7, ["E", "6", "7", "H"]),
        ("UnauthorizedDisposal", 0.06, 1.3, ["D"]),
        ("CustomerReturnNotReceived", 0.12, 0.3, [""]),
        ("ReturnDamagedInTransit", 0.08, -0.6, ["CARRIER_DAMAGED", "DAMAGED"]),
        ("InboundShortage", 0.10, -0.3, [""]),
        ("RemovalShortfall", 0.05, 0.1, [""]),
        ("UnderpaidReimbursement", 0.03, -0.8, [""]),
    ];

    internal static readonly (string Marketplace, double Share, double Effect)[] Marketplaces =
    [
        ("US", 0.70, 0.0), ("CA", 0.10, 0.0), ("GB", 0.12, -0.1), ("DE", 0.08, -0.2),
    ];

    /// <summary>Reason codes Amazon pays more readily (a destroyed or misplaced unit) and less (a customer-damaged one).</summary>
    internal static double ReasonEffect(string reason) => reason switch
    {
        "D" or "M" => 0.3,
        "H" or "CARRIER_DAMAGED" => -0.3,
        _ => 0.0,
    };

    /// <summary>The standard deviation of the normal noise added to each claim's log-odds: what no feature explains.</summary>
    public const double NoiseDeviation = 0.5;

    /// <summary>The log-odds of approval, without noise: the documented model.</summary>
    public static double LogOdds(ClaimFeatures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var z = -0.6
            + Types.Single(t => t.Type == f.Type).Effect
            + Marketplaces.Single(m => m.Marketplace == f.Marketplace).Effect
            + ReasonEffect(f.ReasonCode)
            + (f.ValueDocumented ? 1.1 : 0.0)
            + (f.EstimatedValue is null ? -0.5 : -0.25 * Math.Log(1 + (double)f.EstimatedValue.Value / 50.0))
            - 0.004 * f.DaysAnchorToFiling
            - (f.DaysLeftAtFiling < 5 ? 0.7 : 0.0)
            + 3.5 * (f.SellerTypeApprovalRate - 0.5)
            - 0.35 * Math.Min(f.FnskuPastReimbursements, 5)
            + 2.5 * (f.EvidenceCompleteness - 0.5)
            - 0.08 * Math.Log(f.Units);
        return z;
    }

    /// <summary>
    /// <paramref name="count"/> decided claims spread evenly from <paramref name="from"/> to <paramref name="until"/>, in
    /// decision order (the test split is the newest of them).
    /// </summary>
    public static IReadOnlyList<TrainingExample> Generate(int count, int seed, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(until, from);
        var random = new Random(seed);
        var examples = new List<TrainingExample>(count);
        var step = (until - from) / Math.Max(count, 1);
        for (var i = 0; i < count; i++)
        {
            var at = from + step * (i + random.NextDouble());
            var features = DrawFeatures(random);
            var noise = Normal(random) * NoiseDeviation;
            var approved = random.NextDouble() < Sigmoid(LogOdds(features) + noise);
            examples.Add(new TrainingExample(features, at, approved, approved ? DrawPaidShare(random, features) : 0.0));
        }

        return examples;
    }

    private static ClaimFeatures DrawFeatures(Random random)
    {
        var type = Pick(random, Types, t => t.Share);
        var marketplace = Pick(random, Marketplaces, m => m.Share).Marketplace;
        var units = 1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 2.5);
        var valueKnown = random.NextDouble() < 0.93;
        decimal? value = valueKnown ? Math.Round((decimal)(Math.Exp(2.8 + 0.9 * Normal(random)) * units), 2) : null;
        var documented = valueKnown && random.NextDouble() < 0.6;
        var decided = random.Next(0, 40);
        var approvedBefore = decided == 0 ? 0 : (int)Math.Round(decided * Math.Clamp(0.55 + 0.2 * Normal(random), 0, 1));
        var completeness = Math.Round(Math.Clamp(0.75 + 0.25 * Normal(random), 0, 1), 2);
        return new ClaimFeatures(
            type.Type, units, value, documented,
            DaysAnchorToFiling: random.Next(5, 400),
            DaysLeftAtFiling: random.Next(0, 60),
            ReasonCode: type.Reasons[random.Next(type.Reasons.Length)],
            Marketplace: marketplace,
            SellerTypeApprovalRate: ClaimFeatures.SmoothedRate(approvedBefore, decided),
            SellerTypeDecided: decided,
            FnskuPastReimbursements: random.NextDouble() < 0.7 ? 0 : 1 + random.Next(6),
            EvidenceCompleteness: completeness);
    }

    /// <summary>Most approvals pay in full; one in four pays part, more often for many units.</summary>
    private static double DrawPaidShare(Random random, ClaimFeatures f)
    {
        var partial = random.NextDouble() < 0.15 + 0.03 * Math.Min(f.Units, 10);
        return partial ? Math.Round(0.3 + 0.65 * random.NextDouble(), 3) : 1.0;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> share)
    {
        var draw = random.NextDouble() * items.Sum(share);
        foreach (var item in items)
        {
            draw -= share(item);
            if (draw < 0)
                return item;
        }

        return items[^1];
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
