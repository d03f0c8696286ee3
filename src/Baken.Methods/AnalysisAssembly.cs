namespace Baken.Methods;

/// <summary>Marker for assembly scanning in architecture tests.</summary>
public static class AnalysisAssembly;
