# LossLab figure: the throughput of each losslab bench workload against the commit history.
# Data: results/bench/figures/throughput.dat, made from results/bench/history.csv (losslab bench --record).
# Re-render from the repository root: gnuplot plots/bench/throughput.gp
set encoding utf8
set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,11'
set output 'plots/bench/throughput.png'
data = 'results/bench/figures/throughput.dat'
set title 'losslab bench: throughput by recorded run (a slow-down shows as a dip)' noenhanced font ',14'
set xlabel 'recorded run (commit, date)' noenhanced
set ylabel 'samples per second (log scale)' noenhanced
set label 1 'median of the repetitions of each recorded run; bars from the fastest to the slowest' at graph 0.5, graph 1 offset 0,0.8 center noenhanced font ',10'
set logscale y
set key outside right top vertical noenhanced
set grid xtics ytics back lt 1 lc rgb '#e4e4e4' lw 1
set border 3 back
set tics nomirror out
set xtics rotate by -30 noenhanced
set offsets 0.3, 0.3, 0, 0
plot \
    data index 0 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W1_logistic' noenhanced, \
    data index 1 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W2_softmax' noenhanced, \
    data index 2 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W3_mlp' noenhanced, \
    data index 3 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W4_poisson' noenhanced, \
    data index 4 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W5_sweep' noenhanced, \
    data index 5 using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'W5_sweep (2 threads)' noenhanced

set terminal svg size 1000,650 dynamic enhanced font 'DejaVu Sans,11'
set output 'plots/bench/throughput.svg'
replot
unset output
