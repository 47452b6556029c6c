using BenchmarkDotNet.Attributes;
using Pathway.Domain.Access;
using Pathway.Domain.Staff;

namespace Pathway.Benchmarks;

/// <summary>The per-record access check that runs after every case is loaded (page, API, and every tab).</summary>
[MemoryDiagnoser]
public class CaseAccessBenchmarks
{
    private static readonly Guid Me = Guid.CreateVersion7();
    private static readonly Guid MyTeam = Guid.CreateVersion7();
    private static readonly Guid OtherTeam = Guid.CreateVersion7();
    private static readonly Guid MyUnit = Guid.CreateVersion7();

    private readonly StaffContext _offenderManager = new(Me, new HashSet<StaffRole> { StaffRole.OffenderManager }, MyTeam);
    private readonly StaffContext _psychologist = new(Me, new HashSet<StaffRole> { StaffRole.Psychologist }, null);
    private readonly StaffContext _ppu = new(Me, new HashSet<StaffRole> { StaffRole.PublicProtectionOfficer }, MyUnit);

    private readonly CaseScope _teamCase = new(MyTeam, false, null, [], false, [], false);
    private readonly CaseScope _referredCase = new(OtherTeam, true, null, [], false, [], false);
    private readonly CaseScope _otherTeamCase = new(OtherTeam, false, null, [Guid.CreateVersion7(), Guid.CreateVersion7()], false, [], false);
    private readonly CaseScope _sharedCase = new(OtherTeam, false, null, [Guid.CreateVersion7(), MyUnit], false, [], false);
    private readonly CaseScope _restrictedCase = new(MyTeam, false, null, [], true, [Guid.CreateVersion7(), Me], false);

    [Benchmark(Baseline = true, Description = "Offender manager, own team's case")]
    public bool OffenderManagerTeamCase() => CaseAccessRules.CanRead(_offenderManager, _teamCase);

    [Benchmark(Description = "Offender manager, another team's case (denied)")]
    public bool OffenderManagerDenied() => CaseAccessRules.CanRead(_offenderManager, _otherTeamCase);

    [Benchmark(Description = "Psychologist, referred case")]
    public bool PsychologistReferred() => CaseAccessRules.CanRead(_psychologist, _referredCase);

    [Benchmark(Description = "Police unit, shared case")]
    public bool PpuShared() => CaseAccessRules.CanRead(_ppu, _sharedCase);

    [Benchmark(Description = "Named staff, restricted case")]
    public bool NamedOnRestricted() => CaseAccessRules.CanRead(_offenderManager, _restrictedCase);
}
