using Microsoft.Extensions.DependencyInjection;
using Opside.Grains.Claims;

namespace Opside.Api.Tests.Claims;

/// <summary>
/// A filed claim given its case's reimbursement rows (docs/claim-workflow.md, "Reconciliation"): a full payment makes
/// it Reimbursed, a short one PartiallyApproved then Reimbursed; both reversal shapes adjust what was recovered; the
/// same rows again, or a later fetch without the older rows, change nothing.
/// </summary>
public sealed class ClaimReconciliationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    private OpsideApiFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new OpsideApiFactory();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static CasePayment Paid(string id, int cash, decimal amount, int inventory = 0) =>
        new(id, At.AddDays(-1), "15678123451", "Lost_Warehouse", "X001ABC123", "USD", amount, cash, inventory, "");

    private static CasePayment Reversal(string id, string original, int cash, decimal amount, int inventory = 0) =>
        new(id, At, "", CasePayment.ReversalReason, "B00ASIN123", "USD", amount, cash, inventory, original);

    private async Task<IClaimGrain> FiledAsync(string claimId, int units = 2)
    {
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>(claimId);
        await grain.UpsertAsync(ClaimWorkflowTests.Facts("seller-r", units: units), DateOnly.FromDateTime(At.UtcDateTime), At);
        await grain.FileAsync("seller-r", "15678123451", At, "user-1");
        return grain;
    }

    [Fact]
    public async Task A_full_payment_reimburses_once_however_often_the_rows_come_back()
    {
        var grain = await FiledAsync("rec-full");

        var paid = await grain.ReconcileAsync([Paid("R1", 2, 24.48m)], At);
        var again = await grain.ReconcileAsync([Paid("R1", 2, 24.48m)], At.AddDays(1));

        Assert.Equal(ClaimStatus.Reimbursed, paid!.Status);
        Assert.Equal(new ClaimMoney(24.48m, "USD"), paid.Recovered!.Cash);
        Assert.Equal((2, 0), (paid.Recovered.CashUnits, paid.Recovered.InventoryUnits));
        Assert.Equal(["R1"], paid.Recovered.ReimbursementIds);
        Assert.Equal([ClaimStatus.Filed, ClaimStatus.Reimbursed], paid.History.Skip(1).Select(h => h.To));
        Assert.Equal("reconciler", paid.History[^1].By);
        Assert.Equal(paid.Version, again!.Version);
    }

    [Fact]
    public async Task A_short_payment_is_partially_approved_then_reimbursed_with_the_partial_amounts()
    {
        var grain = await FiledAsync("rec-partial", units: 3);

        var paid = await grain.ReconcileAsync([Paid("R2", 1, 12.24m)], At);

        Assert.Equal(ClaimStatus.Reimbursed, paid!.Status);
        Assert.Equal([ClaimStatus.Filed, ClaimStatus.PartiallyApproved, ClaimStatus.Reimbursed], paid.History.Skip(1).Select(h => h.To));
        Assert.Equal(12.24m, paid.Recovered!.Cash.Amount);
        Assert.Equal(1, paid.Recovered.CashUnits);
    }

    [Fact]
    public async Task A_reversal_swapping_cash_for_inventory_and_one_invalidating_the_payment_each_adjust_what_was_recovered()
    {
        var swapped = await FiledAsync("rec-swap");
        var invalidated = await FiledAsync("rec-invalid");
        await swapped.ReconcileAsync([Paid("R3", 2, 24.48m)], At);
        await invalidated.ReconcileAsync([Paid("R4", 2, 24.48m)], At);

        // The reversal arrives in a later fetch, the payment's row again beside it: counted once.
        var afterSwap = await swapped.ReconcileAsync([Paid("R3", 2, 24.48m), Reversal("V3", "R3", -1, -12.24m, inventory: 1)], At.AddDays(3));
        // This fetch no longer holds the payment's row: it stays counted, the reversal nets against it.
        var afterInvalid = await invalidated.ReconcileAsync([Reversal("V4", "R4", -1, -12.24m)], At.AddDays(3));
        var swapAgain = await swapped.ReconcileAsync([Reversal("V3", "R3", -1, -12.24m, inventory: 1)], At.AddDays(4));

        Assert.Equal(ClaimStatus.Reimbursed, afterSwap!.Status);
        Assert.Equal(new ClaimRecovery(new ClaimMoney(12.24m, "USD"), 1, 1, ["R3"], ["V3"]), afterSwap.Recovered, RecoveryComparer.Instance);
        Assert.Equal((ClaimStatus.Reimbursed, ClaimStatus.Reimbursed), (afterSwap.History[^1].From, afterSwap.History[^1].To));
        Assert.Contains("V3", afterSwap.History[^1].Note, StringComparison.Ordinal);
        Assert.Equal(new ClaimRecovery(new ClaimMoney(12.24m, "USD"), 1, 0, ["R4"], ["V4"]), afterInvalid!.Recovered, RecoveryComparer.Instance);
        Assert.Equal(afterSwap.Version, swapAgain!.Version);
    }

    [Fact]
    public async Task A_claim_never_filed_takes_no_payment()
    {
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IClaimGrain>("rec-unfiled");
        var created = await grain.UpsertAsync(ClaimWorkflowTests.Facts("seller-r"), DateOnly.FromDateTime(At.UtcDateTime), At);

        var after = await grain.ReconcileAsync([Paid("R5", 2, 24.48m)], At);

        Assert.Equal(created.Version, after!.Version);
        Assert.Null(after.Recovered);
        Assert.Equal(ClaimStatus.Claimable, after.Status);
    }

    private sealed class RecoveryComparer : IEqualityComparer<ClaimRecovery?>
    {
        public static readonly RecoveryComparer Instance = new();

        public bool Equals(ClaimRecovery? x, ClaimRecovery? y) => x is null ? y is null : x.SameAs(y);

        public int GetHashCode(ClaimRecovery? obj) => 0;
    }
}
