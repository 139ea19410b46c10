using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Opside.Sandbox.Synthetic;

/// <summary>
/// SplitMix64: a generator whose sequence is fixed by this code alone, so a seller's documents stay byte-identical
/// across .NET versions (System.Random makes no such promise).
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The seed of a selling partner: the first 8 bytes of SHA-256 of its id.</summary>
    public static ulong SeedOf(string text) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];

    /// <summary>A money amount in [min, max], in cents.</summary>
    public decimal Money(decimal min, decimal max) => Between((int)(min * 100), (int)(max * 100)) / 100m;

    public string Digits(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = (char)('0' + Between(i == 0 ? 1 : 0, 9));
        return new string(chars);
    }

    public string Alphanumeric(int count)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = Alphabet[Between(0, Alphabet.Length - 1)];
        return new string(chars);
    }
}
