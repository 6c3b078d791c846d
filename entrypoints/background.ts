export default defineBackground(() => {
  console.log('touchbase background');
});
