namespace Opside.Storage.DataPlane;

/// <summary>
/// The strings of one read, pooled. A seller's million ledger rows name a few thousand FNSKUs, SKUs and titles and a
/// handful of event types, centres and dispositions; without pooling each row would keep its own copies, a few
/// hundred bytes a row, most of what detection holds in memory. Readers pool only such low-cardinality columns
/// (never order or reference ids), and the pool stops growing at <see cref="Capacity"/> distinct values.
/// </summary>
internal sealed class RowStrings
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public string Pooled(string value)
    {
        if (value.Length == 0)
            return string.Empty;
        if (_pool.TryGetValue(value, out var pooled))
            return pooled;
        if (_pool.Count < Capacity)
            _pool.Add(value, value);
        return value;
    }
}
