using Pathway.Domain.Staff;

namespace Pathway.Data.Entities;

/// <summary>A unit people work in: a probation team, a police PPU, an approved premises, a partner organisation, the service.</summary>
public sealed class Team : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}
