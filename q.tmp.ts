import { runRollup } from './tools/rollup/run';
runRollup(325, Number(process.argv[2]), { skipTs: true }).then((r) => { const { differences, ...l } = r; console.log(JSON.stringify(l)); });
