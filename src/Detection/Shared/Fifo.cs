namespace Opside.Detection.Shared;

/// <summary>
/// FIFO netting (claim-rules "Definitions", resolved detail 2): offsets in date order each consume the oldest lots
/// outstanding that are dated on or before the offset, spilling into the next oldest such lot; what no eligible lot
/// can absorb is dropped, never carried to a later lot.
/// </summary>
internal static class Fifo
{
    /// <param name="lots">Sorted by date (ties in a stable order).</param>
    /// <param name="offsets">Sorted with <see cref="Offset.Compare"/>.</param>
    public static void Apply(List<Lot> lots, List<Offset> offsets)
    {
        // Offsets come in date order and only ever take the oldest eligible lots, so the emptied lots are always a
        // prefix: the first lot with units left is all a later offset needs to start from.
        var head = 0;
        foreach (var offset in offsets)
        {
            var left = offset.Units;
            for (var i = head; left > 0 && i < lots.Count && lots[i].Date <= offset.Date; i++)
            {
                left -= lots[i].Take(offset, left);
            }
            while (head < lots.Count && lots[head].Remaining == 0)
            {
                head++;
            }
        }
    }
}
