using MathNet.Numerics.LinearAlgebra;

namespace Baken.Methods.Cascades;

/// <summary>
/// exp(M) by scaling and squaring with a diagonal Padé approximant (Golub &amp; Van Loan, Matrix Computations,
/// Algorithm 11.3.1). Math.NET has no matrix exponential; IIM matrices are small, so this is exact enough
/// (relative error near machine precision for degree 6) and cheap.
/// </summary>
internal static class MatrixExponential
{
    private const int PadeDegree = 6;

    public static Matrix<double> Of(Matrix<double> m)
    {
        var n = m.RowCount;
        var norm = m.InfinityNorm();
        var squarings = norm > 0.5 ? Math.Max(0, (int)Math.Ceiling(Math.Log2(norm / 0.5))) : 0;
        var a = m / Math.Pow(2, squarings);
        var identity = Matrix<double>.Build.DenseIdentity(n);
        var x = identity.Clone();
        var numerator = identity.Clone();
        var denominator = identity.Clone();
        var c = 1.0;
        var sign = 1.0;
        for (var k = 1; k <= PadeDegree; k++)
        {
            c = c * (PadeDegree - k + 1) / (k * (2.0 * PadeDegree - k + 1));
            x = a * x;
            numerator += c * x;
            sign = -sign;
            denominator += sign * c * x;
        }
        var result = denominator.Solve(numerator);
        for (var k = 0; k < squarings; k++) result = result * result;
        return result;
    }
}
