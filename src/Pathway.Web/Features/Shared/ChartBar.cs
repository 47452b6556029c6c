namespace Pathway.Web.Features.Shared;

/// <summary>One bar of a <c>_Bars</c> chart: its label, the value that sets its length (null: hidden, no bar) and the text shown.</summary>
public sealed record ChartBar(string Label, double? Value, string Display);
