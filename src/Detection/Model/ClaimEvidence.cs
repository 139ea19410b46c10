namespace Opside.Detection;

/// <summary>What a person needs to check a claim in Seller Central: the rows that make it and what was set against it.</summary>
public sealed record ClaimEvidence(IReadOnlyList<EvidenceRow> Rows, IReadOnlyList<AppliedOffset> Offsets);

/// <summary>
/// A source row as Amazon printed it: <see cref="Source"/> is the report type (or API operation, or the cost
/// catalog), <see cref="Values"/> the row's fields keyed by that source's column names, in column order.
/// </summary>
public sealed record EvidenceRow(string Source, IReadOnlyDictionary<string, string> Values);

/// <summary>What reduced a claim's units.</summary>
public enum OffsetKind
{
    /// <summary>Ledger found units (reasons F, N) taken by FIFO.</summary>
    FoundUnits,

    /// <summary>A reimbursement's units, netted with its reversals.</summary>
    Reimbursement,

    /// <summary>A seller's Disposal order covering a disposal.</summary>
    DisposalOrder,

    /// <summary>Units that came back in the customer returns report.</summary>
    ReturnedUnits,
}

/// <summary>
/// One offset applied to a claim: the units it took from this claim on <see cref="Date"/>, and its reference (the
/// reimbursement id, removal order id, ledger Reference ID or order id). <see cref="NettedReversalIds"/> lists the
/// reversals netted into a reimbursement.
/// </summary>
public sealed record AppliedOffset(
    OffsetKind Kind,
    DateOnly Date,
    int Units,
    string Reference,
    string? Reason,
    IReadOnlyList<string> NettedReversalIds);
