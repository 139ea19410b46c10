using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Opside.DataPlane.Reports;

/// <summary>
/// Inflates a gzip document and proves it whole. .NET's <see cref="GZipStream"/> ends quietly where a truncated
/// document stops, so a cut-off download or upload would read as a shorter valid one; here the inflated bytes' CRC-32
/// and length are checked against the trailer (RFC 1952 §2.3.1) at the end, and the inflated size is held to a limit
/// as it grows. Documents of several gzip members (concatenated files) fail the check: neither SP-API nor Seller
/// Central writes them.
/// </summary>
internal sealed class VerifiedGzipStream : Stream
{
    private const string NotGzip = "The document is not a valid gzip stream";

    private readonly TrailerTap _compressed;
    private readonly GZipStream _inflater;
    private readonly long _maxInflatedBytes;
    private readonly Crc32 _crc = new();
    private long _inflated;
    private bool _verified;

    public VerifiedGzipStream(Stream compressed, long maxInflatedBytes)
    {
        _compressed = new TrailerTap(compressed);
        _inflater = new GZipStream(_compressed, CompressionMode.Decompress);
        _maxInflatedBytes = maxInflatedBytes;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _inflated;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inflater.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(e.Message, e);
        }
        return Account(buffer[..read], buffer.Length);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await _inflater.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(e.Message, e);
        }
        return Account(buffer.Span[..read], buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inflater.Dispose();
        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> inflated, int requested)
    {
        if (inflated.Length > 0)
        {
            _inflated += inflated.Length;
            if (_inflated > _maxInflatedBytes)
                throw new DocumentTooLargeException(_maxInflatedBytes);
            _crc.Append(inflated);
        }
        else if (requested > 0 && !_verified)
        {
            Verify();
        }
        return inflated.Length;
    }

    private void Verify()
    {
        _verified = true;
        if (_compressed.Total < 18)
            throw Invalid("it ends before its header and trailer are complete (truncated)", null);
        var trailer = _compressed.LastEight;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_inflated)
            throw Invalid("its CRC-32 and length trailer does not match the data (truncated or corrupt)", null);
    }

    // InvalidDataException, as GZipStream's own: the parser names the report it was reading in its format error.
    private static InvalidDataException Invalid(string why, Exception? inner) =>
        inner is null ? new($"{NotGzip}: {why}.") : new($"{NotGzip}: {why}", inner);

    /// <summary>Passes the compressed bytes through, remembering the last eight (the trailer, once the input ends).</summary>
    private sealed class TrailerTap(Stream inner) : Stream
    {
        private readonly byte[] _last = new byte[8];

        public long Total { get; private set; }

        public ReadOnlySpan<byte> LastEight => _last;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Remember(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Remember(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }

        private void Remember(ReadOnlySpan<byte> read)
        {
            Total += read.Length;
            if (read.Length >= 8)
            {
                read[^8..].CopyTo(_last);
            }
            else if (read.Length > 0)
            {
                // Shift the kept bytes left by what arrived and append it.
                _last.AsSpan(read.Length).CopyTo(_last);
                read.CopyTo(_last.AsSpan(8 - read.Length));
            }
        }
    }
}
