using Opside.Grains.Claims;

namespace Opside.Grains.Scoring;

/// <summary>
/// The claims to file in an ISO week, in filing order (docs/api.md, "Filing plan"; docs/model-card.md, "Filing plan"):
/// at most <see cref="Cap"/>, none below <see cref="Threshold"/>, none whose window has closed by
/// <see cref="PlannedFor"/> (the week's Monday, or today in the current week). <see cref="LeftOut"/> names the first
/// <c>FilingPlanner.MaxLeftOut</c> claims left out, in the same order, and <see cref="LeftOutCount"/> counts them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.filing-plan")]
public sealed record FilingPlan(
    [property: Id(0)] string Week,
    [property: Id(1)] int Cap,
    [property: Id(2)] double Threshold,
    [property: Id(3)] DateOnly PlannedFor,
    [property: Id(4)] IReadOnlyList<FilingPlanItem> Items,
    [property: Id(5)] IReadOnlyList<FilingLeftOut> LeftOut,
    [property: Id(6)] int LeftOutCount);

/// <summary>A claim in the plan and why: the days its window has left on the planned day and what it is expected to bring.</summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.filing-plan-item")]
public sealed record FilingPlanItem(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string Type,
    [property: Id(2)] DateOnly WindowCloses,
    [property: Id(3)] int DaysLeft,
    [property: Id(4)] ClaimMoney? ExpectedRecovery,
    [property: Id(5)] double ApprovalProbability,
    [property: Id(6)] string Reason);

/// <summary>A Claimable claim not in the plan: <c>CapReached</c>, <c>BelowThreshold</c>, <c>ValueUnknown</c> or <c>WindowClosed</c>.</summary>
[GenerateSerializer, Immutable, Alias("opside.scoring.filing-left-out")]
public sealed record FilingLeftOut(
    [property: Id(0)] string ClaimId,
    [property: Id(1)] string Reason);
