# LossLab figure: time per training sample of W3's MLP (32 -> h -> h -> 10, softmax CCE, Adam, one thread)
# against the hidden width and the batch size, with the single-core sgemm peak as a roofline.
# Data: results/bench/scaling.csv (losslab bench --scaling).
# Re-render from the repository root: gnuplot plots/bench/scaling.gp
set encoding utf8
set terminal pngcairo size 1400,620 enhanced font 'DejaVu Sans,11'
set output 'plots/bench/scaling.png'
data = 'results/bench/scaling.csv'
set datafile separator ','
on(axis, x) = strcol(1) eq axis ? x : NaN
set logscale xy
set format y '%g'
set grid xtics ytics back lt 1 lc rgb '#e4e4e4' lw 1
set border 3 back
set tics nomirror out
set ylabel 'microseconds per training sample (log scale)' noenhanced
set multiplot layout 1,2 title 'How the cost of W3'."\047".'s MLP grows'."\n".'AMD EPYC x2, 16-lane vectors (AVX-512), fused multiply-add (rounding: fma), 2026-12-03T09:05:39Z, load average 0.71, single-core sgemm peak 209.7 GFLOP/s' noenhanced font ',11'
set title 'against the hidden width h (batch 128)' noenhanced
set xlabel 'hidden width h (log scale)' noenhanced
set xtics ('16' 16, '32' 32, '64' 64, '128' 128, '256' 256, '512' 512)
set xrange [11.428571428571429:716.8]
set key top left noenhanced
plot \
    data skip 1 using (on('width', $2)):10 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#0072B2' title 'LossLab, best of the repetitions', \
    data skip 1 using (on('width', $2)):13 with lines dt 2 lw 2 lc rgb '#D55E00' title 'roofline: flop per sample / sgemm peak (209.7 GFLOP/s)', \
    data skip 1 using (on('width', $2)):10:(sprintf('%.0f%%', $14)) with labels offset 0,1.1 font ',9' tc rgb '#0072B2' notitle
set title 'against the batch size (h = 64)' noenhanced
set xlabel 'batch size (log scale)' noenhanced
set xtics ('8' 8, '16' 16, '32' 32, '64' 64, '128' 128, '256' 256, '512' 512, '1024' 1024)
set xrange [5.714285714285714:1433.6]
set key bottom right noenhanced
plot \
    data skip 1 using (on('batch', $3)):10 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#0072B2' title 'LossLab, best of the repetitions', \
    data skip 1 using (on('batch', $3)):13 with lines dt 2 lw 2 lc rgb '#D55E00' title 'roofline: flop per sample / sgemm peak (209.7 GFLOP/s)', \
    data skip 1 using (on('batch', $3)):10:(sprintf('%.0f%%', $14)) with labels offset 0,1.1 font ',9' tc rgb '#0072B2' notitle
unset multiplot

set terminal svg size 1400,620 dynamic enhanced font 'DejaVu Sans,11'
set output 'plots/bench/scaling.svg'
set multiplot layout 1,2 title 'How the cost of W3'."\047".'s MLP grows'."\n".'AMD EPYC x2, 16-lane vectors (AVX-512), fused multiply-add (rounding: fma), 2026-12-03T09:05:39Z, load average 0.71, single-core sgemm peak 209.7 GFLOP/s' noenhanced font ',11'
set title 'against the hidden width h (batch 128)' noenhanced
set xlabel 'hidden width h (log scale)' noenhanced
set xtics ('16' 16, '32' 32, '64' 64, '128' 128, '256' 256, '512' 512)
set xrange [11.428571428571429:716.8]
set key top left noenhanced
plot \
    data skip 1 using (on('width', $2)):10 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#0072B2' title 'LossLab, best of the repetitions', \
    data skip 1 using (on('width', $2)):13 with lines dt 2 lw 2 lc rgb '#D55E00' title 'roofline: flop per sample / sgemm peak (209.7 GFLOP/s)', \
    data skip 1 using (on('width', $2)):10:(sprintf('%.0f%%', $14)) with labels offset 0,1.1 font ',9' tc rgb '#0072B2' notitle
set title 'against the batch size (h = 64)' noenhanced
set xlabel 'batch size (log scale)' noenhanced
set xtics ('8' 8, '16' 16, '32' 32, '64' 64, '128' 128, '256' 256, '512' 512, '1024' 1024)
set xrange [5.714285714285714:1433.6]
set key bottom right noenhanced
plot \
    data skip 1 using (on('batch', $3)):10 with linespoints lw 2 pt 7 ps 0.8 lc rgb '#0072B2' title 'LossLab, best of the repetitions', \
    data skip 1 using (on('batch', $3)):13 with lines dt 2 lw 2 lc rgb '#D55E00' title 'roofline: flop per sample / sgemm peak (209.7 GFLOP/s)', \
    data skip 1 using (on('batch', $3)):10:(sprintf('%.0f%%', $14)) with labels offset 0,1.1 font ',9' tc rgb '#0072B2' notitle
unset multiplot
unset output
