namespace Opside.Detection;

/// <summary>Every claim candidate of a seller (ordered by type, anchor date, key) and the shipments that need a person.</summary>
public sealed record DetectionResult(IReadOnlyList<ClaimCandidate> Claims, IReadOnlyList<NeedsReviewShipment> NeedsReview);
