// Commands run through the conversation core's router (src/conversation/route.ts).
export { runCommand, runCommandText } from '../src/conversation/route.ts';
