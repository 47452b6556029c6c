using Pathway.Domain.Staff;

namespace Pathway.Domain.Evaluation;

/// <summary>Who reads the evaluation. The clinical lead and psychologists see exact figures (they hold case data);
/// service managers see aggregates with small cells suppressed. Every download is suppressed, whoever asks.</summary>
public static class EvaluationRoles
{
    public static readonly IReadOnlySet<StaffRole> Readers = new HashSet<StaffRole> { StaffRole.ClinicalLead, StaffRole.Psychologist, StaffRole.ServiceManager };
}
