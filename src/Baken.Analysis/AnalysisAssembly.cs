namespace Baken.Analysis;

/// <summary>Marker for assembly scanning in architecture tests.</summary>
public static class AnalysisAssembly;
