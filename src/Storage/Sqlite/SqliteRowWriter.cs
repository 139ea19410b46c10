using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Opside.Storage.Sqlite;

/// <summary>
/// Inserts many rows of one table on a connection's open transaction through one prepared single-row INSERT, its
/// values bound straight through SQLitePCL by position. Measured on a 100,000-row ledger replace (docs/benchmarks.md):
/// Microsoft.Data.Sqlite's command per row cost about 2 KB and 20 µs per row (a data reader per execution, parameters
/// looked up by name, boxed values); this costs nothing managed per row. Multi-row INSERTs were measured too and
/// were 2–3 times slower in SQLite itself.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    // A zero-length span binds a NULL pointer, which SQLite takes as NULL; an empty string needs a real pointer.
    private static readonly byte[] EmptyText = [0];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <param name="insertInto">e.g. <c>INSERT INTO t (seller_id, a, b)</c>: seller_id first, then <paramref name="columns"/> columns.</param>
    /// <param name="onConflict">An optional clause after the VALUES list, e.g. an upsert's <c>ON CONFLICT … DO UPDATE</c>.</param>
    public SqliteRowWriter(SqliteConnection connection, string insertInto, int columns, string sellerId, string? onConflict = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        // ?1 is the seller id, bound once; the row's columns are ?2 and up.
        var values = string.Join(", ", Enumerable.Range(1, columns + 1).Select(n => string.Create(CultureInfo.InvariantCulture, $"?{n}")));
        Check(raw.sqlite3_prepare_v2(_db, $"{insertInto} VALUES ({values}) {onConflict}", out _statement));
        Check(raw.sqlite3_bind_text16(_statement, 1, sellerId.AsSpan()));
    }

    /// <summary>Inserts <paramref name="rows"/>, binding each with <paramref name="bind"/>; returns how many.</summary>
    public int InsertAll<T>(IReadOnlyList<T> rows, Action<SqliteRowWriter, T> bind, CancellationToken cancellationToken)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if ((i & 0xFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            bind(this, rows[i]);
            var rc = raw.sqlite3_step(_statement);
            // reset's own result repeats the step's error, which is reported here.
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return rows.Count;
    }

    /// <summary>Binds the row's <paramref name="column"/> (0-based) to text, or NULL for <see langword="null"/>.</summary>
    public void Text(int column, string? value)
    {
        if (value is null)
            Null(column);
        else if (value.Length == 0)
            Check(raw.sqlite3_bind_text(_statement, column + 2, utf8z.FromSpan(EmptyText)));
        else
            Check(raw.sqlite3_bind_text16(_statement, column + 2, value.AsSpan()));
    }

    public void Integer(int column, long value) => Check(raw.sqlite3_bind_int64(_statement, column + 2, value));

    public void Integer(int column, long? value)
    {
        if (value is { } v)
            Integer(column, v);
        else
            Null(column);
    }

    public void Null(int column) => Check(raw.sqlite3_bind_null(_statement, column + 2));

    /// <summary>A decimal as invariant text: exact, with its scale, formatted without allocating.</summary>
    public void Decimal(int column, decimal value)
    {
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"Decimal {value} did not fit its buffer.");
        Check(raw.sqlite3_bind_text16(_statement, column + 2, text[..written]));
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
