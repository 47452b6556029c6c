namespace Pathway.Data.Entities;

/// <summary>
/// An editable record with an optimistic-concurrency token. The context increments <see cref="Version"/> on every
/// update; saving a copy whose version is stale fails with <c>DbUpdateConcurrencyException</c> and overwrites nothing.
/// An integer works the same on SQLite and PostgreSQL, unlike a provider row-version.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
