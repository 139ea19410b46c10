namespace Opside.Detection.Shared;

/// <summary>Units set against lots from <see cref="Date"/> on: found units, a netted reimbursement, a disposal order.</summary>
internal readonly record struct Offset(DateOnly Date, int Units, OffsetKind Kind, string Reference, string? Reason, IReadOnlyList<string> NettedReversalIds)
{
    /// <summary>Date order; ties by kind and reference, so evidence is the same on every run.</summary>
    public static int Compare(Offset a, Offset b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c == 0)
        {
            c = a.Kind.CompareTo(b.Kind);
        }
        return c != 0 ? c : string.CompareOrdinal(a.Reference, b.Reference);
    }
}
