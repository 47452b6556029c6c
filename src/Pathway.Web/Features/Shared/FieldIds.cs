namespace Pathway.Web.Features.Shared;

/// <summary>Maps a model-state key (<c>Input.DateOfBirth</c>) to the id of the field to focus (<c>Input_DateOfBirth</c>).</summary>
public static class FieldIds
{
    public static string For(string key) => string.IsNullOrEmpty(key) ? "main-content" : key.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
