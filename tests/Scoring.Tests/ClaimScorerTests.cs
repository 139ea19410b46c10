using System.IO.Compression;
using Opside.Scoring.Features;
using Opside.Scoring.Serving;

namespace Opside.Scoring.Tests;

public sealed class ClaimScorerTests(BootstrapModelFixture model) : IClassFixture<BootstrapModelFixture>
{
    private static readonly ClaimFeatures Reimbursed = new(
        "WarehouseLost", 2, 48.50m, ValueDocumented: false, DaysAnchorToFiling: 300, DaysLeftAtFiling: 2, "M", "US",
        SellerTypeApprovalRate: 0.2, SellerTypeDecided: 30, FnskuPastReimbursements: 5, EvidenceCompleteness: 0.4);

    private static readonly ClaimFeatures Strong = new(
        "UnauthorizedDisposal", 1, 22.00m, ValueDocumented: true, DaysAnchorToFiling: 10, DaysLeftAtFiling: 40, "D", "US",
        SellerTypeApprovalRate: 0.9, SellerTypeDecided: 30, FnskuPastReimbursements: 0, EvidenceCompleteness: 1);

    [Fact]
    public void Scoring_is_deterministic_and_a_batch_scores_as_single_claims_do()
    {
        var first = new ClaimScorer(model.Package);
        var second = new ClaimScorer(ModelPackage.FromZip(model.Package.ToZip()));
        var claims = model.Examples.Take(50).Select(e => e.Features).ToArray();

        var singles = claims.Select(first.Score).ToArray();
        var batch = second.ScoreBatch(claims);

        Assert.Equal(singles.Select(s => s.ApprovalProbability), batch.Select(s => s.ApprovalProbability));
        Assert.Equal(singles.Select(s => s.ExpectedFraction), batch.Select(s => s.ExpectedFraction));
        Assert.Equal(singles.Select(s => string.Join('|', s.TopFactors.Select(f => f.Words))), batch.Select(s => string.Join('|', s.TopFactors.Select(f => f.Words))));
        var again = first.Score(claims[0]);
        Assert.Equal((singles[0].ApprovalProbability, singles[0].ExpectedFraction), (again.ApprovalProbability, again.ExpectedFraction));
        Assert.Equal(singles[0].TopFactors, again.TopFactors);
    }

    [Fact]
    public void A_weak_claim_scores_low_a_strong_one_high_and_each_names_three_factors_in_words()
    {
        var scorer = new ClaimScorer(model.Package);

        var weak = scorer.Score(Reimbursed);
        var strong = scorer.Score(Strong);

        Assert.True(weak.ApprovalProbability < 0.3, $"weak {weak.ApprovalProbability:F3}");
        Assert.True(strong.ApprovalProbability > 0.8, $"strong {strong.ApprovalProbability:F3}");
        Assert.Equal(3, weak.TopFactors.Count);
        Assert.Equal(3, weak.TopFactors.Select(f => f.Feature).Distinct().Count());
        Assert.True(weak.TopFactors.Zip(weak.TopFactors.Skip(1)).All(p => Math.Abs(p.First.Contribution) >= Math.Abs(p.Second.Contribution)));
        Assert.All(weak.TopFactors, f => Assert.True(f.Contribution < 0, $"{f.Feature} {f.Contribution}"));
        Assert.All(strong.TopFactors, f => Assert.True(f.Contribution > 0, $"{f.Feature} {f.Contribution}"));
        Assert.Contains(weak.TopFactors, f => f.Words == "Amazon has already reimbursed this FNSKU 5 times");
        Assert.Equal(Math.Round(48.50m * (decimal)weak.ApprovalProbability * (decimal)weak.ExpectedFraction, 2), weak.ExpectedRecovery(48.50m));
        Assert.Null(weak.ExpectedRecovery(null));
    }

    [Fact]
    public void A_package_whose_entry_inflates_past_the_cap_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("metadata.json", CompressionLevel.Optimal).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i <= ModelPackage.MaxEntryBytes >> 20; i++)
                entry.Write(zeros);
        }

        Assert.True(buffer.Length < 1 << 20);
        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.FromZip(buffer.ToArray()));
        Assert.Contains("inflates past", error.Message, StringComparison.Ordinal);
    }
}
