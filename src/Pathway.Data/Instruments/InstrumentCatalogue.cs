using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;
using Pathway.Domain.Instruments;

namespace Pathway.Data.Instruments;

/// <summary>
/// The instrument definitions: those shipped as JSON files in this assembly, and those published later by an
/// administrator or the clinical lead. Published versions are immutable, so parsed definitions are cached by id.
/// </summary>
public static class InstrumentCatalogue
{
    private const string ResourcePrefix = "Pathway.Data.Instruments.";
    private static readonly ConcurrentDictionary<Guid, InstrumentDefinition> Parsed = new();

    /// <summary>The definitions shipped in the repository (src/Pathway.Data/Instruments/*.json).</summary>
    public static IReadOnlyList<(InstrumentDefinition Definition, string Json)> Shipped() => ShippedLazy.Value;

    private static readonly Lazy<IReadOnlyList<(InstrumentDefinition, string)>> ShippedLazy = new(() =>
    {
        var asm = typeof(InstrumentCatalogue).Assembly;
        var list = new List<(InstrumentDefinition, string)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            var json = reader.ReadToEnd();
            var (def, errors) = InstrumentJson.Parse(json);
            if (def is null) throw new InvalidOperationException($"Shipped instrument definition {name} is invalid: {string.Join("; ", errors)}");
            list.Add((def, json));
        }
        return list;
    });

    /// <summary>
    /// Adds each shipped file version that the database does not have yet. Idempotent; an existing version is never
    /// changed, so a changed file must carry a new version number.
    /// </summary>
    public static async Task EnsureShippedAsync(PathwayDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var have = (await db.InstrumentDefinitions.Select(d => new { d.Key, d.Version }).ToListAsync(ct))
            .Select(d => (d.Key, d.Version)).ToHashSet();
        foreach (var (def, json) in Shipped().Where(s => !have.Contains((s.Definition.Key, s.Definition.Version))))
        {
            db.InstrumentDefinitions.Add(new InstrumentDefinitionRecord
            {
                Key = def.Key, Version = def.Version, Title = def.Title, Json = json, Status = DefinitionStatus.Published,
                Source = "repository", PublishedAt = now,
            });
        }
    }

    public static InstrumentDefinition Definition(InstrumentDefinitionRecord record) =>
        Parsed.GetOrAdd(record.Id, _ => InstrumentJson.Parse(record.Json).Definition
            ?? throw new InvalidOperationException($"Stored instrument definition {record.Key} v{record.Version} is invalid"));

    /// <summary>The newest published version of each instrument.</summary>
    public static async Task<List<InstrumentDefinitionRecord>> LatestAsync(PathwayDbContext db, CancellationToken ct)
    {
        var all = await db.InstrumentDefinitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published).ToListAsync(ct);
        return all.GroupBy(d => d.Key).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Stages a new version for publication (the caller saves, with its audit row). Refused, with reasons, if it is
    /// invalid or does not come after the newest version of its key.
    /// </summary>
    public static async Task<(InstrumentDefinitionRecord? Record, IReadOnlyList<string> Errors)> StagePublishAsync(
        PathwayDbContext db, string json, string source, Guid publishedBy, DateTimeOffset now, CancellationToken ct)
    {
        var (def, errors) = InstrumentJson.Parse(json);
        if (def is null) return (null, errors);
        var latest = await db.InstrumentDefinitions.Where(d => d.Key == def.Key).MaxAsync(d => (int?)d.Version, ct);
        if (latest is { } v && def.Version <= v)
            return (null, [$"version {def.Version} of '{def.Key}' is not new: the newest is {v}. Published versions never change; publish version {v + 1}"]);
        var record = new InstrumentDefinitionRecord
        {
            Key = def.Key, Version = def.Version, Title = def.Title, Json = InstrumentJson.Write(def), Status = DefinitionStatus.Published,
            Source = source, PublishedAt = now, PublishedById = publishedBy,
        };
        db.InstrumentDefinitions.Add(record);
        return (record, []);
    }
}
